#!/usr/bin/env bash
# Cold-process OCI benchmark: push, pull, show all and search of a small chart through `bin/charter`
# and Helm v4.1.4 in the same run (hyperfine -N, each command a fresh process), both talking to one
# Debian Distribution 2.8 on loopback.
#   bench/oci/cli-oci.sh [runs]      prints a Markdown table per command on stdout
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-10}"
helm="${HELM_BIN:-${CHARTER_TEST_CACHE:-$HOME/.cache/charter-test}/helm-4.1.4/helm}"
charter="$root/bin/charter"
for t in hyperfine docker-registry curl; do command -v $t >/dev/null || { echo "Error: $t is required" >&2; exit 1; }; done
[ -x "$helm" ] || { echo "Error: Helm v4 not found at $helm (run bin/test once, or set HELM_BIN)" >&2; exit 1; }
"$charter" version >/dev/null
work="$(mktemp -d)"; trap 'kill $reg 2>/dev/null; rm -rf "$work"' EXIT
export HOME="$work/home" TZ=UTC; mkdir -p "$HOME"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cat > "$work/reg.yml" <<YML
version: 0.1
log: {level: error, accesslog: {disabled: true}}
storage: {filesystem: {rootdirectory: $work/storage}}
http: {addr: 127.0.0.1:$port}
YML
docker-registry serve "$work/reg.yml" >"$work/reg.log" 2>&1 & reg=$!
until curl -sf "http://127.0.0.1:$port/v2/" >/dev/null; do sleep 0.1; done
cd "$work"
"$helm" create bench >/dev/null
"$helm" package bench >/dev/null
"$helm" push bench-0.1.0.tgz "oci://127.0.0.1:$port/charts" --plain-http 2>/dev/null
ref="oci://127.0.0.1:$port/charts/bench"
bench() { # title, charter args, helm args (both run from $work)
  local title="$1" c="$2" h="$3"
  printf '\n### %s\n\n' "$title"
  hyperfine -N --warmup 2 --runs "$runs" --export-markdown "$work/t.md" \
    -n "charter $c" "$charter $c" -n "helm $h" "$helm $h" >/dev/null 2>&1
  cat "$work/t.md"
}
# push: the blobs exist after the first run, so this measures HEAD checks + manifest PUT, like a re-push
bench "push" "push bench-0.1.0.tgz oci://127.0.0.1:$port/c --plain-http" "push bench-0.1.0.tgz oci://127.0.0.1:$port/h --plain-http"
mkdir -p out-c out-h
bench "pull" "pull $ref --version 0.1.0 --plain-http -d out-c" "pull $ref --version 0.1.0 --plain-http -d out-h"
bench "show all" "show all $ref --version 0.1.0 --plain-http" "show all $ref --version 0.1.0 --plain-http"
bench "search" "search $ref --plain-http" "search $ref --plain-http"
