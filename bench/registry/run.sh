#!/usr/bin/env bash
# Loopback load test: manifest GET (1/16/64 connections) and 1 MiB blob GET against Charter and
# Debian's Distribution (docker-registry), both open (no auth), same data pushed to each.
# Usage: bench/registry/run.sh [duration, default 10s]   (needs wrk, docker-registry, built charter-cli)
set -euo pipefail
DUR=${1:-10s}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'kill $CPID $DPID 2>/dev/null || true; rm -rf "$WORK"' EXIT

"$JAVA" -jar "$ROOT/charter-cli/target/charter-cli.jar" registry serve --addr 127.0.0.1:5101 --root "$WORK/charter" --no-access-log 2>"$WORK/charter.log" & CPID=$!
cat > "$WORK/dist.yml" <<YML
version: 0.1
log: {level: error, accesslog: {disabled: true}}
storage: {filesystem: {rootdirectory: $WORK/dist}}
http: {addr: 127.0.0.1:5102}
YML
docker-registry serve "$WORK/dist.yml" >"$WORK/dist.log" 2>&1 & DPID=$!
for port in 5101 5102; do until curl -sf "http://127.0.0.1:$port/v2/" >/dev/null; do sleep 0.2; done; done

push() { # port size-bytes -> manifest digest on stdout
  local port=$1 size=$2
  local layer="$WORK/layer-$size"
  [ -f "$layer" ] || head -c "$size" /dev/urandom > "$layer"
  local ld="sha256:$(sha256sum "$layer" | cut -d' ' -f1)"
  printf '{}' > "$WORK/config"; local cd="sha256:$(sha256sum "$WORK/config" | cut -d' ' -f1)"
  for f in "$WORK/config|$cd" "$layer|$ld"; do
    loc=$(curl -si -X POST "http://127.0.0.1:$port/v2/bench/app/blobs/uploads/" | tr -d '\r' | awk -F': ' '/^Location/{print $2}')
    case "$loc" in http*) ;; *) loc="http://127.0.0.1:$port$loc";; esac
    sep='?'; case "$loc" in *\?*) sep='&';; esac
    curl -sf -X PUT -H 'Content-Type: application/octet-stream' --data-binary "@${f%%|*}" "$loc${sep}digest=${f#*|}" >/dev/null
  done
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":2},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"%s","size":%s}]}' "$cd" "$ld" "$size" > "$WORK/manifest"
  curl -sf -X PUT -H 'Content-Type: application/vnd.oci.image.manifest.v1+json' --data-binary "@$WORK/manifest" "http://127.0.0.1:$port/v2/bench/app/manifests/v$size" >/dev/null
  echo "$ld"
}

for port in 5101 5102; do
  name=$([ $port = 5101 ] && echo charter || echo distribution)
  push $port 1048576 > "$WORK/blob1m-$port"
  for c in 1 16 64; do
    t=$([ $c -lt 2 ] && echo 1 || echo 2)
    r=$(wrk -t$t -c$c -d"$DUR" --latency -H 'Accept: application/vnd.oci.image.manifest.v1+json' "http://127.0.0.1:$port/v2/bench/app/manifests/v1048576")
    echo "$name manifest GET c=$c: $(echo "$r" | awk '/Requests\/sec/{print $2" req/s"}') p99=$(echo "$r" | awk '$1=="99%"{print $2}')"
  done
  r=$(wrk -t2 -c16 -d"$DUR" --latency "http://127.0.0.1:$port/v2/bench/app/blobs/$(cat "$WORK/blob1m-$port")")
  echo "$name blob GET 1MiB c=16: $(echo "$r" | awk '/Requests\/sec/{print $2" req/s"}') $(echo "$r" | awk '/Transfer\/sec/{print $2"/s"}') p99=$(echo "$r" | awk '$1=="99%"{print $2}')"
done
