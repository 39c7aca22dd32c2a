#!/usr/bin/env bash
# Warm-JVM benchmark of Charter's OCI library (bench/oci/TransferLoop.java) on loopback:
#   1. raw loopback socket throughput (the ceiling for any client), and curl GET of the same blob;
#   2. push (POST + PUT) and verified pull of a SIZE_MIB random blob through the library, against
#      Debian's Distribution 2.8 and Charter's built-in registry;
#   3. a chart whose archive is SIZE_MIB, pulled through ChartPuller with a BlobCache: one cold
#      pull, then warm ones — the registry's access log proves the warm pulls fetch no blob.
# Usage: bench/oci/library.sh [size_mib] [runs]     (defaults 50 and 5; prints RESULT lines)
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mib="${1:-50}" runs="${2:-5}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}" TZ=UTC
for t in docker-registry curl; do command -v $t >/dev/null || { echo "Error: $t is required" >&2; exit 1; }; done
"$root/bin/charter" version >/dev/null # builds the jars once
work="$(mktemp -d)"; pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
dport="$(free_port)"; cport="$(free_port)"
cat > "$work/dist.yml" <<YML
version: 0.1
log: {level: info, formatter: text}
storage: {filesystem: {rootdirectory: $work/dist}}
http: {addr: 127.0.0.1:$dport}
YML
docker-registry serve "$work/dist.yml" >"$work/dist.log" 2>&1 & pids+=($!)
"$root/bin/charter" registry serve --addr "127.0.0.1:$cport" --root "$work/charter" --no-access-log 2>"$work/charter.log" & pids+=($!)
for p in "$dport" "$cport"; do until curl -sf "http://127.0.0.1:$p/v2/" >/dev/null; do sleep 0.1; done; done

java=("$JAVA_HOME/bin/java" -cp "$root/charter-cli/target/charter-cli.jar:$root/charter-cli/target/lib/*" "$root/bench/oci/TransferLoop.java")
head -c "$((mib << 20))" /dev/urandom > "$work/blob.bin"

"${java[@]}" raw "$mib" "$runs"
for host in "127.0.0.1:$dport" "127.0.0.1:$cport"; do
  "${java[@]}" blob "$host" bench/blob "$work/blob.bin" "$runs"
  digest="sha256:$(sha256sum "$work/blob.bin" | cut -d' ' -f1)"
  for i in $(seq "$runs"); do
    curl -s -o /dev/null -w '%{speed_download}\n' "http://$host/v2/bench/blob/blobs/$digest"
  done | python3 -c "import sys,statistics as s; v=sorted(float(x)/1048576 for x in sys.stdin); print(f'RESULT\tcurl GET $host\tmedian {s.median(v):.1f} MiB/s\tmin {v[0]:.1f}\tmax {v[-1]:.1f}\tn={len(v)}')"
done

# a chart whose archive is about SIZE_MIB (random data does not compress; Helm caps files at 5 MiB)
mkdir -p "$work/chart/big/templates" "$work/chart/big/files"
printf 'apiVersion: v2\nname: big\nversion: 0.1.0\n' > "$work/chart/big/Chart.yaml"
split -b 4M "$work/blob.bin" "$work/chart/big/files/part-"
(cd "$work/chart" && "$root/bin/charter" package big >/dev/null && "$root/bin/charter" push big-0.1.0.tgz "oci://127.0.0.1:$dport/charts" --plain-http 2>/dev/null)
before="$(grep -c 'GET /v2/charts/big/blobs/' "$work/dist.log" || true)"
"${java[@]}" pull "127.0.0.1:$dport/charts/big:0.1.0" "$work/cache" "$runs"
after="$(grep -c 'GET /v2/charts/big/blobs/' "$work/dist.log" || true)"
echo "RESULT	blob GETs for 1 cold + $((runs + 2)) warm pulls	$((after - before)) (config + chart once)"
