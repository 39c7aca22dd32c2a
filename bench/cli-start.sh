#!/usr/bin/env bash
# Cold-ish CLI start-up: `charter version` (launcher + JVM, with and without the AOT cache) against
# `helm version` (Helm v4.1.4), measured by hyperfine in the same run. Prints a Markdown table.
#   bench/cli-start.sh [runs]
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-20}"
helm="${HELM_BIN:-${CHARTER_TEST_CACHE:-$HOME/.cache/charter-test}/helm-4.1.4/helm}"
command -v hyperfine >/dev/null || { echo "Error: hyperfine is required (apt-get install hyperfine)" >&2; exit 1; }
[ -x "$helm" ] || { echo "Error: Helm v4 not found at $helm (run bin/test once, or set HELM_BIN)" >&2; exit 1; }
"$root/bin/charter" version >/dev/null   # build and train the AOT cache first
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp"
hyperfine -N --warmup 3 --runs "$runs" --export-markdown "$tmp/start.md" \
  -n "charter version (AOT cache)" "$root/bin/charter version" \
  -n "charter version (no AOT cache)" "env CHARTER_NO_AOT=1 $root/bin/charter version" \
  -n "helm version (v4.1.4)" "$helm version" >&2
cat "$tmp/start.md"
