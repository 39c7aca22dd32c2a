#!/usr/bin/env bash
# Regenerates src/test/resources/golden/*.jsonl from src/test/golden/cases/*.txt by running the
# real Helm v4.1.4 (Go 1.25 text/template). Helm is installed on demand by charter-test-support.
# Usage: generate.sh [case-file-name ...]   (no names: all files; make_matrix.py rewrites cases/m-*.txt)
set -eu
cd "$(dirname "$0")/../../.."
MODULE="$(pwd)"
. ../bin/lib/java.sh; require_java   # exports JAVA_HOME of a JDK >= 21
(cd .. && mvn -B -q -o -pl charter-template test-compile dependency:build-classpath \
    -Dmdep.outputFile="$MODULE/target/test-classpath.txt" -Dmdep.includeScope=test)
"$JAVA_HOME/bin/java" -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
    dev.charter.template.golden.GoldenGenerator . "$@"
