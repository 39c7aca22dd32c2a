#!/usr/bin/env bash
# Template-engine benchmarks: JMH (parse / execute / in-process render of a generated 50-template
# chart) and, for comparison, `helm template` of the same chart and of a 50x larger one by hyperfine.
#   bench/template/run.sh            (needs the charter jars installed: mvn -o install -DskipTests)
set -euo pipefail
here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/../../bin/lib/java.sh"; require_java   # exports JAVA_HOME of a JDK >= 21
helm="${HELM_BIN:-${CHARTER_TEST_CACHE:-$HOME/.cache/charter-test}/helm-4.1.4/helm}"
cd "$here"
rm -rf target/chart-50 target/chart-2500
python3 gen-chart.py 50 target/chart-50
python3 gen-chart.py 2500 target/chart-2500
mvn -B -q -o package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
"$JAVA_HOME/bin/java" -cp "target/classes:$(cat target/classpath.txt)" org.openjdk.jmh.Main \
  -rf json -rff target/jmh.json "TemplateBench" "$@"
if command -v hyperfine >/dev/null && [ -x "$helm" ]; then
  home="$(mktemp -d)"; trap 'rm -rf "$home"' EXIT
  HOME="$home" hyperfine -N --warmup 3 --runs 20 \
    -n "helm template (50 templates)" "$helm template r target/chart-50" \
    -n "helm template (2500 templates)" "$helm template r target/chart-2500"
fi
