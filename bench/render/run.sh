#!/usr/bin/env bash
# Rendering benchmark: charter vs helm over the `template` differential corpus.
#   1. CLI: for each case of charter-cli/src/test/resources/render/*/cases.txt, hyperfine times
#      `bin/charter template ARGS` and `helm template ARGS` in one run (same cwd, TZ=UTC).
#   2. Library: bench/render/RenderLoop.java renders each corpus chart N times in one warm JVM.
# Usage: bench/render/run.sh            (env: RUNS=5 WARMUP=1 LOOP=200 CASES=first|all HELM=path)
# Output: target/bench-render/{cli.tsv,library.txt} and a summary on stdout.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
corpus="$root/charter-cli/src/test/resources/render"
out="$root/target/bench-render"
helm="${HELM:-$HOME/.cache/charter-test/helm-4.1.4/helm}"
runs="${RUNS:-5}" warmup="${WARMUP:-1}" loop="${LOOP:-200}" which="${CASES:-first}"
export TZ=UTC JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mkdir -p "$out"; : > "$out/cli.tsv"
[ -x "$helm" ] || { echo "helm not found at $helm (run the differential tests once, or set HELM)" >&2; exit 1; }
"$root/bin/charter" version >/dev/null # builds / trains the start-up cache once

printf 'case\tcharter_ms\thelm_ms\tratio\n' >> "$out/cli.tsv"
for dir in "$corpus"/*/; do
  name="$(basename "$dir")"
  [ -f "$dir/cases.txt" ] || continue
  i=0
  while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    i=$((i+1))
    [ "$which" = first ] && [ $i -gt 1 ] && break
    args="${line//\$CHART/$dir}"
    hyperfine -i --runs "$runs" --warmup "$warmup" --style none --export-json "$out/$name-$i.json" \
      -n charter "cd '$dir' && '$root/bin/charter' template $args" \
      -n helm "cd '$dir' && '$helm' template $args" >/dev/null
    python3 - "$out/$name-$i.json" "$name#$i" >> "$out/cli.tsv" <<'PY'
import json, sys
r = {x["command"]: x["mean"] * 1000 for x in json.load(open(sys.argv[1]))["results"]}
print(f'{sys.argv[2]}\t{r["charter"]:.1f}\t{r["helm"]:.1f}\t{r["charter"] / r["helm"]:.2f}')
PY
  done < "$dir/cases.txt"
done

"$JAVA_HOME/bin/java" -cp "$root/charter-cli/target/charter-cli.jar:$root/charter-cli/target/lib/*" \
  "$root/bench/render/RenderLoop.java" "$corpus" "$loop" | tee "$out/library.txt"

python3 - "$out/cli.tsv" "$out/library.txt" <<'PY'
import sys, statistics
rows = [l.split('\t') for l in open(sys.argv[1]).read().splitlines()[1:]]
c = [float(r[1]) for r in rows]; h = [float(r[2]) for r in rows]
print(f"\nCLI, {len(rows)} cases: charter mean {statistics.mean(c):.1f} ms, helm mean {statistics.mean(h):.1f} ms, "
      f"ratio of means {statistics.mean(c)/statistics.mean(h):.2f}, median per-case ratio "
      f"{statistics.median(float(r[3]) for r in rows):.2f}")
lib = [l for l in open(sys.argv[2]) if l.startswith('MEAN')][0].split()[1]
print(f"library: {lib} ms per render (warm JVM) vs helm CLI {statistics.mean(h):.1f} ms per process")
PY
