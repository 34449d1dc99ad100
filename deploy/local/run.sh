#!/usr/bin/env bash
# Starts the whole of planeval on this machine: PostgreSQL, a Kafka broker process, the three services (built
# first if needed), and the Gunma sample data. Ctrl-C stops everything this script started, and nothing else.
#   deploy/local/run.sh            start, load the sample data, stay in the foreground
#   deploy/local/run.sh --build    rebuild the services first
#   deploy/local/run.sh --detach   start and return (stop later with deploy/local/stop.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
RUN_DIR=${PLANEVAL_RUN_DIR:-$ROOT/.run}
LOGS=$RUN_DIR/logs
mkdir -p "$LOGS" "$RUN_DIR/pids"

BUILD=false DETACH=false
for arg in "$@"; do
  case "$arg" in
    --build) BUILD=true ;;
    --detach) DETACH=true ;;
    *) echo "usage: $0 [--build] [--detach]" >&2; exit 2 ;;
  esac
done

log() { printf '[planeval] %s\n' "$*"; }
SERVICES="plan-service:8081 indicator-service:8082 evaluation-service:8083"

stop_all() {
  "$ROOT/deploy/local/stop.sh" || true
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # name, seconds, command...
  local name=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 4))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.25
  done
  log "$name did not become ready in ${seconds}s; see $LOGS"; return 1
}

start_process() { # name, log file, command...
  local name=$1 logfile=$2; shift 2
  "$@" >"$logfile" 2>&1 &
  echo $! >"$RUN_DIR/pids/$name.pid"
}

# 1. PostgreSQL
deploy/local/postgres.sh
deploy/local/tools.sh

# 2. The services' packages
needs_build=$BUILD
for entry in $SERVICES; do
  jar="${entry%%:*}/target/quarkus-app/quarkus-run.jar"
  if [ ! -f "$jar" ] || [ -n "$(find pom.xml contracts service-support "${entry%%:*}" -newer "$jar" \
      \( -path '*/target' -prune -o -type f -print \) 2>/dev/null | head -n 1)" ]; then
    needs_build=true
  fi
done
if $needs_build; then
  log "building the services (mvn package, tests skipped)"
  mvn -B -q -ntp package -DskipTests
fi

for entry in $SERVICES; do
  if port_busy "${entry##*:}"; then log "port ${entry##*:} is in use: is planeval already running? (deploy/local/stop.sh)"; exit 1; fi
done
if port_busy 9092; then log "port 9092 is in use: another Kafka is running (deploy/local/stop.sh stops ours)"; exit 1; fi
if port_busy 8180; then log "port 8180 is in use: another Keycloak is running (deploy/local/stop.sh stops ours)"; exit 1; fi
if port_busy 3025; then log "port 3025 is in use: another SMTP server is running (deploy/local/stop.sh stops ours)"; exit 1; fi

trap 'stop_all; exit 130' INT TERM
$DETACH || trap 'stop_all' EXIT

# 3. Kafka, as its own process, from Apache Kafka's Maven artifacts
KAFKA_DATA=$RUN_DIR/kafka-data
if [ ! -s "$RUN_DIR/kafka.classpath" ] || [ deploy/local/kafka/pom.xml -nt "$RUN_DIR/kafka.classpath" ]; then
  mvn -B -q -ntp -f deploy/local/kafka/pom.xml dependency:build-classpath -Dmdep.outputFile="$RUN_DIR/kafka.classpath"
fi
KAFKA_CP=$(cat "$RUN_DIR/kafka.classpath")
KAFKA_CONFIG=$RUN_DIR/server.properties
{ cat deploy/local/kafka/server.properties; echo "log.dirs=$KAFKA_DATA"; } >"$KAFKA_CONFIG"
if [ ! -f "$KAFKA_DATA/meta.properties" ]; then
  log "formatting Kafka storage in $KAFKA_DATA"
  java -cp "$KAFKA_CP" kafka.tools.StorageTool format -t "$(java -cp "$KAFKA_CP" kafka.tools.StorageTool random-uuid 2>/dev/null)" \
    -c "$KAFKA_CONFIG" --ignore-formatted >"$LOGS/kafka-format.log" 2>&1
fi
log "starting Kafka on 127.0.0.1:9092"
start_process kafka "$LOGS/kafka.log" java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$KAFKA_CP" kafka.Kafka "$KAFKA_CONFIG"
wait_for Kafka 60 port_busy 9092

# 4. Keycloak with the planeval realm (deploy/keycloak), from its server distribution on Maven Central
KEYCLOAK_HOME=$RUN_DIR/keycloak
KEYCLOAK_DIR=$KEYCLOAK_HOME/keycloak-$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)
if [ ! -x "$KEYCLOAK_DIR/bin/kc.sh" ]; then
  log "unpacking Keycloak into $KEYCLOAK_HOME"
  mvn -B -q -ntp -f deploy/local/keycloak/pom.xml generate-resources -Dkeycloak.home="$KEYCLOAK_HOME"
fi
mkdir -p "$KEYCLOAK_DIR/data/import"
# The local realm is the repository's file: forget the one an earlier run imported (Keycloak skips a realm it has).
rm -rf "$KEYCLOAK_DIR/data/h2"
cp deploy/keycloak/planeval-realm.json "$KEYCLOAK_DIR/data/import/"
log "starting Keycloak on 127.0.0.1:8180 (realm planeval)"
start_process keycloak "$LOGS/keycloak.log" "$KEYCLOAK_DIR/bin/kc.sh" start-dev --http-port 8180 --http-host 127.0.0.1 --import-realm
wait_for Keycloak 120 curl -fsS http://127.0.0.1:8180/realms/planeval/.well-known/openid-configuration

# 5. An SMTP server for the reminders: GreenMail standalone from Maven Central. It keeps every message it receives;
#    read them with its API: curl http://127.0.0.1:8025/api/user/<address>/messages/INBOX
GREENMAIL_VERSION=$(sed -n 's:.*<greenmail.version>\(.*\)</greenmail.version>.*:\1:p' pom.xml)
GREENMAIL_JAR=$RUN_DIR/greenmail-standalone-$GREENMAIL_VERSION.jar
if [ ! -f "$GREENMAIL_JAR" ]; then
  mvn -B -q -ntp dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" -DoutputDirectory="$RUN_DIR"
fi
log "starting GreenMail (SMTP 127.0.0.1:3025, its API on :8025)"
start_process greenmail "$LOGS/greenmail.log" java -Xmx128m -Dgreenmail.setup.test.smtp -Dgreenmail.hostname=127.0.0.1 \
  -Dgreenmail.auth.disabled -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=8025 -jar "$GREENMAIL_JAR"
wait_for GreenMail 30 curl -fsS http://127.0.0.1:8025/api/service/readiness

# 6. The three services (JVM settings: deploy/jvm.options); evaluation-service sends its reminders through GreenMail,
#    looking for the steps due every minute, and may deliver webhooks to this machine over http.
export MALLOC_ARENA_MAX=2
export PLANEVAL_EVALUATION_REMINDERS_SMTP_HOST=127.0.0.1 PLANEVAL_EVALUATION_REMINDERS_SMTP_PORT=3025 \
  PLANEVAL_EVALUATION_REMINDERS_START_TLS=disabled PLANEVAL_EVALUATION_REMINDERS_CHECK_INTERVAL=1m \
  PLANEVAL_EVALUATION_WEBHOOKS_ALLOWED_HOSTS=127.0.0.1
for entry in $SERVICES; do
  name=${entry%%:*} port=${entry##*:}
  log "starting $name on :$port"
  start_process "$name" "$LOGS/$name.log" java @deploy/jvm.options -jar "$name/target/quarkus-app/quarkus-run.jar"
done
for entry in $SERVICES; do
  name=${entry%%:*} port=${entry##*:}
  wait_for "$name" 90 curl -fsS "http://127.0.0.1:$port/q/health/ready"
  log "$name ready"
done

# 7. Sample data, through the public REST APIs, as the operations client
deploy/local/load-sample-data.sh

cat <<MSG
[planeval] up. The dashboard: http://127.0.0.1:8083/ (the committee's table: http://127.0.0.1:8083/plans/gunma-r2-r6)
[planeval] Swagger UIs:
  plan-service        http://127.0.0.1:8081/q/swagger-ui
  indicator-service   http://127.0.0.1:8082/q/swagger-ui
  evaluation-service  http://127.0.0.1:8083/q/swagger-ui
[planeval] Keycloak (realm planeval) at http://127.0.0.1:8180; a token: TOKEN=\$(deploy/local/token.sh planeval-ops)
[planeval] Reminders go to GreenMail: curl http://127.0.0.1:8025/api/user/gyokaku@example.jp/messages/INBOX
[planeval] logs in $LOGS
MSG

if $DETACH; then
  log "detached; stop with deploy/local/stop.sh"
  exit 0
fi
log "Ctrl-C stops everything"
while true; do sleep 3600 & wait $!; done
