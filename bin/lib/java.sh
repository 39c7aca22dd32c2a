# Shared by the bin/ scripts: locate a JDK >= 21 without starting a JVM.
# find_java prints "<path-to-java> <feature-version>" or fails.

java_feature() { # the feature version of a java binary, read from its JDK's release file
  local bin home v
  bin="$(readlink -f "$1" 2>/dev/null || printf '%s' "$1")"
  home="$(dirname "$(dirname "$bin")")"
  [ -f "$home/release" ] || return 0
  v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" | head -n1)"
  [ "$v" = 1 ] && v=8
  printf '%s' "$v"
}

find_java() {
  local c best="" bestv=0 v
  for c in ${CHARTER_JAVA_HOME:+"$CHARTER_JAVA_HOME/bin/java"} ${JAVA_HOME:+"$JAVA_HOME/bin/java"} \
           "$(command -v java 2>/dev/null || true)" /usr/lib/jvm/*/bin/java; do
    [ -n "$c" ] && [ -x "$c" ] || continue
    v="$(java_feature "$c")"; [ -n "$v" ] || continue
    # an explicit CHARTER_JAVA_HOME that is new enough wins; otherwise the newest JDK found
    if [ "$v" -ge 21 ] && [ -n "${CHARTER_JAVA_HOME:-}" ] && [ "$c" = "$CHARTER_JAVA_HOME/bin/java" ]; then
      printf '%s %s' "$c" "$v"; return 0
    fi
    if [ "$v" -gt "$bestv" ]; then best="$c"; bestv="$v"; fi
  done
  if [ "$bestv" -ge 21 ]; then printf '%s %s' "$best" "$bestv"; return 0; fi
  return 1
}

# Sets java, feature and JAVA_HOME (for Maven) or exits with a one-line error.
require_java() {
  local found
  if ! found="$(find_java)"; then
    echo "Error: Charter needs a JDK 21 or newer (set CHARTER_JAVA_HOME or JAVA_HOME)" >&2
    exit 1
  fi
  java="${found% *}"; feature="${found##* }"
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$java")")")"; export JAVA_HOME
}
