#!/usr/bin/env bash
# Big-index load time: `search repo` over a generated ~20 MB index.yaml (200 charts x 110 versions,
# Bitnami-like entries) in the repository cache, Charter (bin/charter) against Helm v4.1.4, both
# measured by hyperfine in the same run. Prints a Markdown table.
#   bench/repo/run.sh [runs] [charts] [versions]
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-10}"; charts="${2:-200}"; versions="${3:-110}"
helm="${HELM_BIN:-${CHARTER_TEST_CACHE:-$HOME/.cache/charter-test}/helm-4.1.4/helm}"
command -v hyperfine >/dev/null || { echo "Error: hyperfine is required (apt-get install hyperfine)" >&2; exit 1; }
[ -x "$helm" ] || { echo "Error: Helm v4 not found at $helm (run bin/test once, or set HELM_BIN)" >&2; exit 1; }
"$root/bin/charter" version >/dev/null   # build and train the AOT cache first
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/cache" "$tmp/config"
python3 "$root/bench/repo/gen-index.py" "$tmp/cache/big-index.yaml" "$charts" "$versions"
cat > "$tmp/config/repositories.yaml" <<'Y'
apiVersion: ""
generated: "0001-01-01T00:00:00Z"
repositories:
- caFile: ""
  certFile: ""
  insecure_skip_tls_verify: false
  keyFile: ""
  name: big
  pass_credentials_all: false
  password: ""
  url: https://charts.example.com
  username: ""
Y
export HOME="$tmp" HELM_REPOSITORY_CONFIG="$tmp/config/repositories.yaml" HELM_REPOSITORY_CACHE="$tmp/cache"
echo "index: $(du -h "$tmp/cache/big-index.yaml" | cut -f1), $charts charts x $versions versions" >&2
diff <("$helm" search repo keyword-7 -l) <("$root/bin/charter" search repo keyword-7 -l) >/dev/null \
  && echo "outputs identical (search repo keyword-7 -l)" >&2 || echo "WARNING: outputs differ" >&2
hyperfine -N --warmup 2 --runs "$runs" --export-markdown "$tmp/repo.md" \
  -n "charter search repo keyword-7" "$root/bin/charter search repo keyword-7" \
  -n "helm search repo keyword-7 (v4.1.4)" "$helm search repo keyword-7" \
  -n "charter search repo keyword-7 -l" "$root/bin/charter search repo keyword-7 -l" \
  -n "helm search repo keyword-7 -l (v4.1.4)" "$helm search repo keyword-7 -l" >&2
cat "$tmp/repo.md"
