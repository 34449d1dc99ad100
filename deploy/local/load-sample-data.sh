#!/usr/bin/env bash
# Loads the Gunma sample data through the services' public REST APIs (idempotent: loading twice changes nothing).
set -euo pipefail
cd "$(dirname "$0")/../.."
PLAN_URL=${PLAN_URL:-http://127.0.0.1:8081}
SAMPLES=deploy/sample-data

put() { # url, file
  local status
  status=$(curl -sS -o /tmp/planeval-load.out -w '%{http_code}' -X PUT -H 'Content-Type: application/json' \
    --data-binary "@$2" "$1")
  case "$status" in
    2??) printf '[sample] %s %s\n' "$status" "$1" ;;
    *) printf '[sample] %s %s\n' "$status" "$1" >&2; cat /tmp/planeval-load.out >&2; echo >&2; return 1 ;;
  esac
}

shopt -s nullglob
for plan in "$SAMPLES"/plans/*.json; do
  put "$PLAN_URL/api/v1/plans/$(basename "$plan" .json)" "$plan"
done
