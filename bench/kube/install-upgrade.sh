#!/usr/bin/env bash
# Release-command wall time on a real API server (kube-e2e, kube-apiserver v1.20.2): install, upgrade
# and uninstall of `helm create`'s chart through `bin/charter` and through Helm v4.1.4, each command
# a fresh process, both tools in the same run, alternating which goes first in every round.
#   bench/kube/install-upgrade.sh [rounds]    prints a Markdown table (ms) on stdout
# Uses the instance in KUBE_E2E_INSTANCE when set, else starts a private one and stops it at exit.
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-10}"
helm="${HELM_BIN:-${CHARTER_TEST_CACHE:-$HOME/.cache/charter-test}/helm-4.1.4/helm}"
charter="$root/bin/charter"
tools="${KUBE_E2E_TOOLS:-$(cd "$root/../shared/tools/kube-e2e" && pwd)}"
[ -x "$helm" ] || { echo "Error: Helm v4 not found at $helm (run bin/test once, or set HELM_BIN)" >&2; exit 1; }
"$charter" version >/dev/null
work="$(mktemp -d)"
instance="${KUBE_E2E_INSTANCE:-}"
cleanup() {
  [ -z "${KUBE_E2E_INSTANCE:-}" ] && [ -n "$instance" ] && "$tools/stop.sh" --wipe "$instance" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
if [ -z "$instance" ]; then instance="$(mktemp -d)"; fi
line="$("$tools/start.sh" "$instance" 2>/dev/null)"
export "$line" HOME="$work/home" TZ=UTC
mkdir -p "$HOME"
cd "$work"
"$helm" create bench >/dev/null
ns_c="bench-c-$$" ns_h="bench-h-$$"
declare -A sum
times_file="$work/times"
: > "$times_file"
run() { # tool, command label, args...
  local tool="$1" label="$2"; shift 2
  local bin="$helm"; [ "$tool" = charter ] && bin="$charter"
  local t0 t1
  t0=$(date +%s%N)
  "$bin" "$@" >/dev/null 2>"$work/err" || { echo "Error: $tool $*: $(cat "$work/err")" >&2; exit 1; }
  t1=$(date +%s%N)
  echo "$tool $label $(( (t1 - t0) / 1000000 ))" >> "$times_file"
}
cycle() { # tool, namespace, round
  local tool="$1" ns="$2" r="$3"
  run "$tool" install install "r$r" bench -n "$ns" --create-namespace
  run "$tool" upgrade upgrade "r$r" bench -n "$ns" --set replicaCount=2
  run "$tool" uninstall uninstall "r$r" -n "$ns"
}
# one unmeasured round each: the charter launcher's first run builds its AOT cache
cycle charter "$ns_c" warm; cycle helm "$ns_h" warm; : > "$times_file"
for r in $(seq 1 "$rounds"); do
  if (( r % 2 )); then cycle charter "$ns_c" "$r"; cycle helm "$ns_h" "$r"
  else cycle helm "$ns_h" "$r"; cycle charter "$ns_c" "$r"; fi
done
python3 - "$times_file" "$rounds" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    tool, label, ms = line.split()
    rows.setdefault((label, tool), []).append(int(ms))
print(f"| command ({sys.argv[2]} rounds) | tool | mean ms | median ms | min ms | max ms |")
print("|---|---|---:|---:|---:|---:|")
for label in ("install", "upgrade", "uninstall"):
    for tool in ("charter", "helm"):
        v = rows[(label, tool)]
        print(f"| {label} | {tool} | {statistics.mean(v):.0f} | {statistics.median(v):.0f} | {min(v)} | {max(v)} |")
PY
