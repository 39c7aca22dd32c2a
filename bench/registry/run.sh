#!/usr/bin/env bash
# Loopback load test, Charter vs Debian's Distribution (docker-registry) in the same run, same data:
#   manifest GET req/s + p99 at 1/16/64 connections, auth off and on (htpasswd Basic, wrk sends the header)
#   blob GET 1 MiB (c=16) and 50 MiB (c=4), with each server's peak RSS (VmHWM) under the 50 MiB load
#   100 MiB upload: monolithic (POST + PUT) and chunked (POST + 10 x 10 MiB PATCH + PUT), curl timing
# Everything binds 127.0.0.1, every load step is bounded by DUR, and the script cleans up after itself.
# Usage: bench/registry/run.sh [duration per measurement, default 5s] [upload repetitions, default 3]
# Needs: wrk, curl, docker-registry, a built charter-cli (mvn -pl charter-cli install -DskipTests).
set -euo pipefail
DUR=${1:-5s}
REPS=${2:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/bin/lib/java.sh"; require_java; JAVA=$java   # a JDK >= 21, found like bin/charter does
WORK=$(mktemp -d)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$WORK"' EXIT
CHARTER=("$JAVA" -jar "$ROOT/charter-cli/target/charter-cli.jar")

# one user; the same bcrypt entry serves both registries
printf bench | "${CHARTER[@]}" registry htpasswd "$WORK/htpasswd" bench --password-stdin
AUTH="Authorization: Basic $(printf 'bench:bench' | base64)"

charter() { # port root [extra flags]
  local port=$1 root=$2; shift 2
  "${CHARTER[@]}" registry serve --addr "127.0.0.1:$port" --root "$root" --no-access-log "$@" 2>"$WORK/charter-$port.log" &
  PIDS+=($!); eval "PID_$port=$!"
}
distribution() { # port root [htpasswd]
  local port=$1 root=$2 auth=""
  [ $# -gt 2 ] && auth="auth: {htpasswd: {realm: bench, path: $3}}"
  cat > "$WORK/dist-$port.yml" <<YML
version: 0.1
log: {level: error, accesslog: {disabled: true}}
storage: {filesystem: {rootdirectory: $root}, delete: {enabled: false}}
http: {addr: 127.0.0.1:$port}
$auth
YML
  docker-registry serve "$WORK/dist-$port.yml" >"$WORK/dist-$port.log" 2>&1 &
  PIDS+=($!); eval "PID_$port=$!"
}
# open and htpasswd instances of each server share one storage root
charter 5101 "$WORK/charter"
charter 5103 "$WORK/charter" --htpasswd "$WORK/htpasswd"
distribution 5102 "$WORK/dist"
distribution 5104 "$WORK/dist" "$WORK/htpasswd"
for port in 5101 5102; do
  for i in $(seq 150); do curl -sf "http://127.0.0.1:$port/v2/" >/dev/null && break; sleep 0.2; done
done
for port in 5103 5104; do
  for i in $(seq 150); do [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "http://127.0.0.1:$port/v2/")" = 200 ] && break; sleep 0.2; done
done

layer() { local f="$WORK/layer-$1"; [ -f "$f" ] || head -c "$1" /dev/urandom > "$f"; echo "$f"; }
digest() { echo "sha256:$(sha256sum "$1" | cut -d' ' -f1)"; }
location() { # port -> absolute upload URL of a fresh session
  local loc
  loc=$(curl -si -X POST "http://127.0.0.1:$1/v2/bench/app/blobs/uploads/" | tr -d '\r' | awk -F': ' 'tolower($1)=="location"{print $2}')
  case "$loc" in http*) echo "$loc";; *) echo "http://127.0.0.1:$1$loc";; esac
}
q() { case "$1" in *\?*) echo '&';; *) echo '?';; esac; }
put_blob() { # port file [digest]
  local loc; loc=$(location "$1")
  curl -sf -X PUT -H 'Content-Type: application/octet-stream' --data-binary "@$2" "$loc$(q "$loc")digest=${3:-$(digest "$2")}" >/dev/null
}
put_chunked() { # port digest chunk-files... (in order)
  local port=$1 dg=$2 loc off=0 n; shift 2; loc=$(location "$port")
  for chunk in "$@"; do
    n=$(stat -c %s "$chunk")
    loc=$(curl -si -X PATCH -H 'Content-Type: application/octet-stream' -H "Content-Range: $off-$((off + n - 1))" \
      --data-binary "@$chunk" "$loc" | tr -d '\r' | awk -F': ' 'tolower($1)=="location"{print $2}')
    case "$loc" in http*) ;; *) loc="http://127.0.0.1:$port$loc";; esac
    off=$((off + n))
  done
  curl -sf -X PUT "$loc$(q "$loc")digest=$dg" >/dev/null
}
push_image() { # port size -> tag v<size>
  local l; l=$(layer "$2"); printf '{}' > "$WORK/config"
  put_blob "$1" "$WORK/config"; put_blob "$1" "$l"
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":2},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"%s","size":%s}]}' \
    "$(digest "$WORK/config")" "$(digest "$l")" "$2" > "$WORK/manifest"
  curl -sf -X PUT -H 'Content-Type: application/vnd.oci.image.manifest.v1+json' --data-binary "@$WORK/manifest" \
    "http://127.0.0.1:$1/v2/bench/app/manifests/v$2" >/dev/null
}
load() { # label wrk-args... -> one table row
  local label=$1; shift
  local r; r=$(wrk --latency -d"$DUR" "$@")
  printf '%-44s %12s req/s %10s/s  p99 %s\n' "$label" "$(echo "$r" | awk '/Requests\/sec/{print $2}')" \
    "$(echo "$r" | awk '/Transfer\/sec/{print $2}')" "$(echo "$r" | awk '$1=="99%"{print $2}')"
}
name() { case $1 in 5101) echo "charter";; 5102) echo "distribution";; 5103) echo "charter+auth";; 5104) echo "distribution+auth";; esac; }

for port in 5101 5102; do push_image $port 1048576; push_image $port 52428800; done
MI=$(digest "$(layer 1048576)"); M50=$(digest "$(layer 52428800)")

echo "== manifest GET (duration $DUR each)"
for c in 1 16 64; do
  t=$([ $c -lt 2 ] && echo 1 || echo 2)
  for port in 5101 5102 5103 5104; do
    hdr=(-H 'Accept: application/vnd.oci.image.manifest.v1+json')
    [ $port -gt 5102 ] && hdr+=(-H "$AUTH")
    load "$(name $port) manifest c=$c" -t$t -c$c "${hdr[@]}" "http://127.0.0.1:$port/v2/bench/app/manifests/v1048576"
  done
done

echo "== blob GET"
for port in 5101 5102; do load "$(name $port) blob 1MiB c=16" -t2 -c16 "http://127.0.0.1:$port/v2/bench/app/blobs/$MI"; done
for port in 5101 5102; do
  load "$(name $port) blob 50MiB c=4" -t2 -c4 "http://127.0.0.1:$port/v2/bench/app/blobs/$M50"
  pid=$(eval echo "\$PID_$port")
  echo "   $(name $port) peak RSS after 50MiB load: $(awk '/VmHWM/{print $2" "$3}' /proc/$pid/status)"
done

echo "== 100 MiB upload, seconds per push (best / median of $REPS, new random content each time)"
for port in 5101 5102; do
  for mode in monolithic chunked; do
    times=()
    for i in $(seq "$REPS"); do
      # content, digest and chunk files are made before the clock starts
      f="$WORK/up-$i"; head -c 104857600 /dev/urandom > "$f"; dg=$(digest "$f")
      split -b 10485760 -d "$f" "$WORK/up-$i-part-"
      s=$(date +%s.%N)
      if [ $mode = monolithic ]; then put_blob $port "$f" "$dg"; else put_chunked $port "$dg" "$WORK"/up-$i-part-*; fi
      times+=("$(echo "$(date +%s.%N) - $s" | bc)"); rm -f "$f" "$WORK"/up-$i-part-*
    done
    printf '%-44s best %.3f  median %.3f\n' "$(name $port) PUT 100MiB $mode" \
      "$(printf '%s\n' "${times[@]}" | sort -n | head -1)" "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (REPS + 1) / 2 ))p")"
  done
done
for port in 5101 5102; do echo "peak RSS $(name $port) (whole run): $(awk '/VmHWM/{print $2" "$3}' /proc/$(eval echo "\$PID_$port")/status)"; done
