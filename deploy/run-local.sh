#!/usr/bin/env bash
# The one command of the local run (README, first command): builds every module with the Maven wrapper, then starts
# a real Kafka broker (KRaft), the Mongo-wire store and the seven services on 127.0.0.1, waits until all are healthy
# and prints the gateway URL with example calls. Ctrl-C stops everything (services first, Kafka last).
#
#   deploy/run-local.sh                      build, then run with the defaults (gateway on http://127.0.0.1:8080)
#   SKIP_BUILD=1 deploy/run-local.sh         run what was built last time
#   deploy/run-local.sh --help               the launcher's options (ports, data dir, --infra-only, ...)
#   LAUNCHER_JVM_OPTIONS="-Xmx1g ..." deploy/run-local.sh   the JVM options of the launcher (which holds the store)
#
# Needs only a JDK 17+ (java on PATH or JAVA_HOME). Data (Kafka log dirs, the store file, logs) stays in
# deploy/local-run/data across restarts; delete that folder to start from scratch.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  JAVA="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
  JAVA="$(command -v java)"
else
  echo "run-local: no Java found: install a JDK 17 or newer (java on PATH, or set JAVA_HOME)" >&2
  exit 1
fi
JAVA_MAJOR="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -1)"
if [ -z "$JAVA_MAJOR" ] || [ "${JAVA_MAJOR%%.*}" -lt 17 ] 2>/dev/null; then
  echo "run-local: Java 17 or newer is needed (found ${JAVA_MAJOR:-unknown} at $JAVA)" >&2
  exit 1
fi

for arg in "$@"; do
  if [ "$arg" = "--help" ] || [ "$arg" = "-h" ]; then SKIP_BUILD=${SKIP_BUILD:-1}; fi
done

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "run-local: building all modules with ./mvnw (tests skipped; the first build downloads dependencies and takes a few minutes) ..."
  start=$(date +%s)
  ./mvnw -q -B -ntp -DskipTests package
  echo "run-local: built in $(( $(date +%s) - start )) s"
fi

# LOCAL_RUN_CLASSPATH: the launcher's own tests run this script before the jar is packaged
CP="${LOCAL_RUN_CLASSPATH:-deploy/local-run/target/local-run.jar:deploy/local-run/target/lib/*}"
if [ -z "${LOCAL_RUN_CLASSPATH:-}" ] && [ ! -f deploy/local-run/target/local-run.jar ]; then
  echo "run-local: deploy/local-run/target/local-run.jar is missing: run without SKIP_BUILD=1" >&2
  exit 1
fi

# The launcher runs in its own session (setsid, where there is one), so a Ctrl-C in this terminal reaches only this
# script, which forwards it as SIGTERM: the launcher then stops the services first and Kafka last, in order.
# If this script itself goes away without forwarding (killed, terminal closed), the launcher notices through
# LOCAL_RUN_PARENT_PID and stops everything by itself.
# The launcher's JVM holds the Mongo-wire store, which every service's every write goes through: a young generation of
# 256 MB halves its collections under load (each one pauses the whole store for every service; issue 7, ninth round),
# and the page cache (MongoWireStore.PAGE_CACHE_MB) stays in the old generation. LAUNCHER_JVM_OPTIONS replaces these.
LAUNCHER_JVM_OPTIONS="${LAUNCHER_JVM_OPTIONS:--Xmx768m -Xmn256m -XX:+UseSerialGC}"
export LOCAL_RUN_PARENT_PID=$$
# shellcheck disable=SC2086 # the options are words
if command -v setsid >/dev/null 2>&1; then
  setsid "$JAVA" $LAUNCHER_JVM_OPTIONS -cp "$CP" com.complaintdesk.localrun.LocalRun "$@" &
else
  "$JAVA" $LAUNCHER_JVM_OPTIONS -cp "$CP" com.complaintdesk.localrun.LocalRun "$@" &
fi
pid=$!
asked_to_stop=0
trap 'asked_to_stop=1; kill -TERM "$pid" 2>/dev/null || true; echo "run-local: stopping ..." >&2 || true' INT TERM HUP PIPE

set +e
rc=0
while kill -0 "$pid" 2>/dev/null; do
  wait "$pid"
  rc=$?
done
# stopped on request: a clean end; otherwise the launcher's own exit code (1: something did not come up)
if [ "$asked_to_stop" = "1" ]; then exit 0; fi
exit "$rc"
