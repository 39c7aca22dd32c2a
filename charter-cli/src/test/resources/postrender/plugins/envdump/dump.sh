# passes the manifests through and appends a ConfigMap describing how it was run
cat
echo '---'
echo 'apiVersion: v1'
echo 'kind: ConfigMap'
echo 'metadata:'
echo '  name: how-it-ran'
echo 'data:'
echo "  name: \"$HELM_PLUGIN_NAME\""
echo "  dir: \"$(basename "$HELM_PLUGIN_DIR")\""
echo "  argc: \"$#\""
echo "  args: |"
for a in "$@"; do echo "    [$a]"; done
