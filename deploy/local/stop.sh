#!/usr/bin/env bash
# Stops what deploy/local/run.sh started (by the pid files it wrote), and nothing else.
set -uo pipefail
cd "$(dirname "$0")/../.."
RUN_DIR=${PLANEVAL_RUN_DIR:-$(pwd)/.run}
shopt -s nullglob
# Services first, then the broker (so the services' last events can still be delivered), Keycloak and the SMTP server last.
for name in evaluation-service indicator-service plan-service kafka keycloak greenmail; do
  pidfile=$RUN_DIR/pids/$name.pid
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    printf '[planeval] stopping %s (pid %s)\n' "$name" "$pid"
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  fi
  rm -f "$pidfile"
done
