#!/bin/sh
# adds a label next to every managed-by label: "<plugin name>-<first --post-renderer-args value>"
exec sed "s/^\( *\)app.kubernetes.io\/managed-by: Helm\$/&\n\1post-rendered-by: $1-$2/"
