#!/usr/bin/env bash
# Prints an access token of a client of the planeval realm (client-credentials grant), for curl's
#   -H "Authorization: Bearer $TOKEN"
#   deploy/local/token.sh [CLIENT]      CLIENT: planeval-ops (default), sample-reporter-a, sample-reporter-b,
#                                       sample-steward-a, sample-dashboard, sample-municipality-maebashi,
#                                       sample-municipality-takasaki
# The local-only secrets are read from deploy/keycloak/planeval-realm.json; elsewhere give CLIENT_SECRET and KEYCLOAK_URL.
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENT=${1:-planeval-ops}
KEYCLOAK_URL=${KEYCLOAK_URL:-http://127.0.0.1:8180}
SECRET=${CLIENT_SECRET:-$(sed -n "/\"clientId\": \"$CLIENT\"/,/\"secret\"/p" deploy/keycloak/planeval-realm.json \
  | sed -n 's/.*"secret": "\(.*\)".*/\1/p')}
[ -n "$SECRET" ] || { echo "token.sh: no client $CLIENT in deploy/keycloak/planeval-realm.json (give CLIENT_SECRET)" >&2; exit 1; }
reply=$(curl -fsS -d grant_type=client_credentials -d "client_id=$CLIENT" --data-urlencode "client_secret=$SECRET" \
  "$KEYCLOAK_URL/realms/planeval/protocol/openid-connect/token")
printf '%s\n' "$reply" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
