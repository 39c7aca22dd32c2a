#!/usr/bin/env bash
# Loopback load test, Charter vs Debian's Distribution (docker-registry) in the same run, same data:
#   manifest GET req/s + p99 at 1/16/64 connections, auth off and on (htpasswd Basic, wrk sends the header)
#   blob GET 1 MiB (c=16) and 50 MiB (c=4)
#   100 MiB upload: monolithic (POST + PUT) and chunked (POST + 10 x 10 MiB PATCH + PUT), curl timing
#   peak RSS (VmHWM) of each server: after the blob loads and for the whole run
# Charter runs through bin/charter, so the JVM options the launcher picks for `registry serve` are the
# ones measured. Both servers get the same warm-up first (Charter's JIT needs it, Go's code is compiled
# ahead of time; the warm-up is not measured). Every load step runs ROUNDS times, the servers taking
# turns, so machine noise hits both alike; rows show the median round and the best one.
# Everything binds 127.0.0.1, every load step is bounded by DUR, and the script cleans up after itself.
# Usage: bench/registry/run.sh [duration per measurement, default 5s] [upload repetitions, default 3]
#   ROUNDS=3 (rounds per load step), WARMUP=10 (seconds of warm-up load per server),
#   CHARTER_BIN=bin/charter (the launcher to measure)
# Needs: wrk, curl, docker-registry, a built charter-cli (mvn -pl charter-cli -am install -DskipTests).
set -euo pipefail
DUR=${1:-5s}
REPS=${2:-3}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-10}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CHARTER_BIN=${CHARTER_BIN:-$ROOT/bin/charter}
. "$ROOT/bin/lib/java.sh"; require_java   # the JDK bin/charter will pick, exported as JAVA_HOME
WORK=$(mktemp -d)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$WORK"' EXIT

# one user; the same bcrypt entry serves both registries
printf bench | "$CHARTER_BIN" registry htpasswd "$WORK/htpasswd" bench --password-stdin
AUTH="Authorization: Basic $(printf 'bench:bench' | base64)"

charter() { # port root [extra flags]
  local port=$1 root=$2; shift 2
  # bin/charter ends in exec, so $! is the JVM's own pid, whose RSS we read
  "$CHARTER_BIN" registry serve --addr "127.0.0.1:$port" --root "$root" --no-access-log "$@" 2>"$WORK/charter-$port.log" &
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
# uploads stream the file (curl -T) as registry clients do; --data-binary would first read all of it into curl's memory
put_blob() { # port file [digest]
  local loc; loc=$(location "$1")
  curl -sf -T "$2" -H 'Content-Type: application/octet-stream' "$loc$(q "$loc")digest=${3:-$(digest "$2")}" >/dev/null
}
put_chunked() { # port digest chunk-files... (in order)
  local port=$1 dg=$2 loc off=0 n; shift 2; loc=$(location "$port")
  for chunk in "$@"; do
    n=$(stat -c %s "$chunk")
    loc=$(curl -si -X PATCH -T "$chunk" -H 'Content-Type: application/octet-stream' -H "Content-Range: $off-$((off + n - 1))" \
      "$loc" | tr -d '\r' | awk -F': ' 'tolower($1)=="location"{print $2}')
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
name() { case $1 in 5101) echo "charter";; 5102) echo "distribution";; 5103) echo "charter+auth";; 5104) echo "distribution+auth";; esac; }
to_ms() { awk '{v=$1; if (v ~ /us$/) printf "%.3f", v/1000; else if (v ~ /ms$/) printf "%.3f", v+0; else if (v ~ /m$/) printf "%.3f", v*60000; else printf "%.3f", v*1000}'; }
to_mb() { awk '{v=$1; if (v ~ /GB$/) printf "%.1f", v*1024; else if (v ~ /MB$/) printf "%.1f", v+0; else if (v ~ /KB$/) printf "%.3f", v/1024; else printf "%.4f", v/1048576}'; }
# step label wrk-args-after-url... : ROUNDS rounds, every server of $PORTS in turn, then one row per server
step() {
  local label=$1 url_path=$2; shift 2
  for r in $(seq "$ROUNDS"); do
    for port in $PORTS; do
      local hdr=() out
      [ "$port" -gt 5102 ] && hdr=(-H "$AUTH")
      out=$(wrk --latency -d"$DUR" "$@" "${hdr[@]}" "http://127.0.0.1:$port$url_path")
      printf '%s %s %s\n' "$(echo "$out" | awk '/Requests\/sec/{print $2}')" \
        "$(echo "$out" | awk '/Transfer\/sec/{print $2}' | to_mb)" "$(echo "$out" | awk '$1=="99%"{print $2}' | to_ms)" >> "$WORK/rounds-$port"
    done
  done
  for port in $PORTS; do
    # median round by req/s (its p99 is shown), and the best round
    sort -n "$WORK/rounds-$port" | awk -v label="$(name "$port") $label" -v n="$ROUNDS" \
      '{rps[NR]=$1; mb[NR]=$2; p99[NR]=$3} END {m=int((n+1)/2); printf "%-40s %10.1f req/s %9.1f MiB/s  p99 %9.3f ms   (best %.1f req/s)\n", label, rps[m], mb[m], p99[m], rps[n]}'
    rm -f "$WORK/rounds-$port"
  done
}

for port in 5101 5102; do push_image $port 1048576; push_image $port 52428800; done
MI=$(digest "$(layer 1048576)"); M50=$(digest "$(layer 52428800)")

echo "== warm-up: ${WARMUP}s of manifest and blob GETs and 3 uploads per server (not measured)"
for port in 5101 5102 5103 5104; do
  hdr=(); [ $port -gt 5102 ] && hdr=(-H "$AUTH")
  wrk -d"$WARMUP" -t2 -c16 "${hdr[@]}" "http://127.0.0.1:$port/v2/bench/app/manifests/v1048576" >/dev/null
  [ $port -gt 5102 ] && continue
  wrk -d"$((WARMUP / 2 + 1))" -t2 -c4 "http://127.0.0.1:$port/v2/bench/app/blobs/$M50" >/dev/null
  for i in 1 2 3; do head -c 10485760 /dev/urandom > "$WORK/warm"; put_blob $port "$WORK/warm"; done
done

echo "== manifest GET (duration $DUR, median of $ROUNDS rounds)"
accept=(-H 'Accept: application/vnd.oci.image.manifest.v1+json')
for c in 1 16 64; do
  t=$([ $c -lt 2 ] && echo 1 || echo 2)
  PORTS="5101 5102" step "manifest c=$c" /v2/bench/app/manifests/v1048576 -t$t -c$c "${accept[@]}"
  PORTS="5103 5104" step "manifest c=$c" /v2/bench/app/manifests/v1048576 -t$t -c$c "${accept[@]}"
done

echo "== blob GET (duration $DUR, median of $ROUNDS rounds)"
PORTS="5101 5102" step "blob 1MiB c=16" "/v2/bench/app/blobs/$MI" -t2 -c16
PORTS="5101 5102" step "blob 50MiB c=4" "/v2/bench/app/blobs/$M50" -t2 -c4
for port in 5101 5102; do
  echo "   $(name $port) peak RSS after the blob loads: $(awk '/VmHWM/{print $2" "$3}' /proc/$(eval echo "\$PID_$port")/status)"
done

echo "== 100 MiB upload, seconds per push (best / median of $REPS, new random content each time, servers taking turns)"
for mode in monolithic chunked; do
  for i in $(seq "$REPS"); do
    # content, digest and chunk files are made before the clock starts
    f="$WORK/up-$i"; head -c 104857600 /dev/urandom > "$f"; dg=$(digest "$f")
    split -b 10485760 -d "$f" "$WORK/up-$i-part-"
    for port in 5101 5102; do
      s=$(date +%s.%N)
      if [ $mode = monolithic ]; then put_blob $port "$f" "$dg"; else put_chunked $port "$dg" "$WORK"/up-$i-part-*; fi
      echo "$(date +%s.%N) - $s" | bc >> "$WORK/up-$port-$mode"
    done
    rm -f "$f" "$WORK"/up-$i-part-*
  done
  for port in 5101 5102; do
    sort -n "$WORK/up-$port-$mode" | awk -v label="$(name $port) PUT 100MiB $mode" -v n="$REPS" \
      '{t[NR]=$1} END {printf "%-40s best %.3f  median %.3f\n", label, t[1], t[int((n+1)/2)]}'
  done
done
for port in 5101 5102 5103 5104; do echo "peak RSS $(name $port) (whole run): $(awk '/VmHWM/{print $2" "$3}' /proc/$(eval echo "\$PID_$port")/status)"; done
