#!/usr/bin/env bash
# Loads the Gunma sample data through the services' public REST APIs, as a county system would, with a token of
# the operations client (TOKEN, or one from deploy/local/token.sh).
# Idempotent: plans, indicators, narratives and organisations are PUT (same document, no change), measurements carry an Idempotency-Key
# derived from the file, so loading twice stores nothing new.
set -euo pipefail
cd "$(dirname "$0")/../.."
PLAN_URL=${PLAN_URL:-http://127.0.0.1:8081}
INDICATOR_URL=${INDICATOR_URL:-http://127.0.0.1:8082}
EVALUATION_URL=${EVALUATION_URL:-http://127.0.0.1:8083}
SAMPLES=deploy/sample-data
TOKEN=${TOKEN:-$(deploy/local/token.sh planeval-ops)}
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT

# request METHOD URL FILE|- [extra curl args…]: prints the status; fails on anything but 2xx.
request() {
  local method=$1 url=$2 data=$3; shift 3
  local status
  status=$(curl -sS -o "$OUT" -w '%{http_code}' -X "$method" -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $TOKEN" "$@" \
    --data-binary "@$data" "$url")
  case "$status" in
    2??) printf '[sample] %s %s %s\n' "$status" "$method" "$url" ;;
    *) printf '[sample] %s %s %s\n' "$status" "$method" "$url" >&2; cat "$OUT" >&2; echo >&2; return 1 ;;
  esac
}

# await_plan URL: waits (up to a minute) until URL answers 200, i.e. the service has learned the plan from its event.
await_plan() {
  for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$1")" = 200 ] && return 0
    sleep 0.5
  done
}

shopt -s nullglob
for plan in "$SAMPLES"/plans/*.json; do
  request PUT "$PLAN_URL/api/v1/plans/$(basename "$plan" .json)" "$plan"
done

for dir in "$SAMPLES"/indicators/*/; do
  plan=$(basename "$dir")
  # indicator-service learns plans from plan-service's events: wait until it knows this one.
  await_plan "$INDICATOR_URL/api/v1/plans/$plan/indicators"
  count=0
  for file in "$dir"*.json; do
    request PUT "$INDICATOR_URL/api/v1/plans/$plan/indicators/$(basename "$file" .json)" "$file" >/dev/null
    count=$((count + 1))
  done
  printf '[sample] %d indicators of %s defined\n' "$count" "$plan"
done

for file in "$SAMPLES"/measurements/*.json; do
  key="sample-$(basename "$file" .json)-$(sha256sum "$file" | cut -c1-16)"
  request POST "$INDICATOR_URL/api/v1/measurements" "$file" -H "Idempotency-Key: $key"
done

for dir in "$SAMPLES"/narratives/*/; do
  plan=$(basename "$dir")
  # evaluation-service learns plans and indicators from the events: wait until it knows this one.
  await_plan "$EVALUATION_URL/api/v1/plans/$plan/evaluation"
  for file in "$dir"*/*.json; do
    year=$(basename "$(dirname "$file")")
    request PUT "$EVALUATION_URL/api/v1/plans/$plan/evaluation/nodes/$(basename "$file" .json)/narratives/$year" "$file"
  done
done

# The organisations that report, with example addresses on the reserved domain example.jp (their reminders go there).
for file in "$SAMPLES"/organisations/*.json; do
  request PUT "$EVALUATION_URL/api/v1/organisations/$(basename "$file" .json)" "$file"
done
