#!/usr/bin/env bash
# Mirror throughput, one run, same data, same registry: `charter mirror --jobs 4` against a Helm shell
# loop (`helm pull` + `helm push` per chart version) copying the same classic repository (~50 chart
# archives served by python3's http.server) into Debian's Distribution (docker-registry), each into
# its own namespace. Prints charts/s for both and the exact commands.
#   bench/mirror/run.sh [charts, default 10] [versions per chart, default 5] [jobs, default 4]
# Needs: python3, docker-registry, Helm v4 (run bin/test once, or set HELM_BIN), a JDK >= 21.
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
charts="${1:-10}"; versions="${2:-5}"; jobs="${3:-4}"
helm="${HELM_BIN:-${CHARTER_TEST_CACHE:-$HOME/.cache/charter-test}/helm-4.1.4/helm}"
[ -x "$helm" ] || { echo "Error: Helm v4 not found at $helm (run bin/test once, or set HELM_BIN)" >&2; exit 1; }
command -v docker-registry >/dev/null || { echo "Error: docker-registry is required (apt-get install docker-registry)" >&2; exit 1; }
"$root/bin/charter" version >/dev/null   # build and train the start-up cache first, outside the timing
tmp="$(mktemp -d)"; pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$tmp"' EXIT
# isolated Helm/Charter homes: no user repositories, credentials or caches take part
export HOME="$tmp/home" HELM_CONFIG_HOME="$tmp/home/config" HELM_CACHE_HOME="$tmp/home/cache" HELM_DATA_HOME="$tmp/home/data"
mkdir -p "$HOME"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }

# the source repository: helm create, versions set, helm package, helm repo index
mkdir -p "$tmp/src" "$tmp/repo"
(cd "$tmp/src" && "$helm" create base >/dev/null)
for c in $(seq -f '%03g' 1 "$charts"); do
  for v in $(seq 1 "$versions"); do
    d="$tmp/src/chart-$c-$v/chart-$c"; mkdir -p "$(dirname "$d")"; cp -r "$tmp/src/base" "$d"
    sed -i -e "s/^name: base/name: chart-$c/" -e "s/^version: .*/version: 0.$v.0/" "$d/Chart.yaml"
    "$helm" package "$d" -d "$tmp/repo" >/dev/null
  done
done
"$helm" repo index "$tmp/repo"
total=$(ls "$tmp/repo"/*.tgz | wc -l)
web=$(free_port)
(cd "$tmp/repo" && exec python3 -m http.server "$web" --bind 127.0.0.1 >"$tmp/web.log" 2>&1) & pids+=($!)
reg=$(free_port)
cat > "$tmp/registry.yml" <<Y
version: 0.1
log: {level: error, accesslog: {disabled: true}}
storage: {filesystem: {rootdirectory: $tmp/storage}}
http: {addr: 127.0.0.1:$reg}
Y
docker-registry serve "$tmp/registry.yml" >"$tmp/registry.log" 2>&1 & pids+=($!)
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$reg/v2/" >/dev/null && curl -fs "http://127.0.0.1:$web/index.yaml" >/dev/null && break; sleep 0.1; done
src="http://127.0.0.1:$web"; dst="oci://127.0.0.1:$reg"

charter_cmd=("$root/bin/charter" mirror "$src" "$dst/charter" --plain-http --jobs "$jobs")
t0=$(now); "${charter_cmd[@]}" >"$tmp/charter.out"; t1=$(now)
tail -1 "$tmp/charter.out" >&2

"$helm" repo add src "$src" >/dev/null
helm_loop() {
  mkdir -p "$tmp/pulled"
  for f in "$tmp"/repo/*.tgz; do
    b=$(basename "$f" .tgz); name=${b%-*}; version=${b##*-}
    "$helm" pull "src/$name" --version "$version" -d "$tmp/pulled"
    "$helm" push "$tmp/pulled/$b.tgz" "$dst/helm" --plain-http 2>/dev/null
  done
}
t2=$(now); helm_loop; t3=$(now)

# both namespaces must now serve the same archives
for f in $(ls "$tmp"/repo/*.tgz | shuf -n 3 --random-source=<(yes)); do
  b=$(basename "$f" .tgz); name=${b%-*}; version=${b##*-}
  for ns in charter helm; do
    mkdir -p "$tmp/check-$ns"
    "$helm" pull "$dst/$ns/$name" --version "$version" --plain-http -d "$tmp/check-$ns" 2>/dev/null
    cmp -s "$f" "$tmp/check-$ns/$b.tgz" || { echo "Error: $ns/$name $version differs from the source" >&2; exit 1; }
  done
done

python3 - "$total" "$t0" "$t1" "$t2" "$t3" "$jobs" <<'P'
import sys
n, t0, t1, t2, t3, jobs = int(sys.argv[1]), *map(float, sys.argv[2:6]), sys.argv[6]
c, h = t1 - t0, t3 - t2
print(f"| tool | charts | seconds | charts/s |\n|---|---|---|---|")
print(f"| charter mirror --jobs {jobs} | {n} | {c:.2f} | {n / c:.1f} |")
print(f"| helm pull + helm push loop (v4.1.4) | {n} | {h:.2f} | {n / h:.1f} |")
print(f"\ncharter is {h / c:.1f}x faster")
P
echo "commands: ${charter_cmd[*]/$tmp/\$TMP}" >&2
echo "          for each archive: helm pull src/NAME --version V -d DIR && helm push DIR/NAME-V.tgz $dst/helm --plain-http" >&2
