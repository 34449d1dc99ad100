#!/bin/bash
# Run once by the postgres image on an empty volume: one database per service, owned by the planeval role.
set -euo pipefail
for db in planeval_plan planeval_indicator planeval_evaluation; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -c "CREATE DATABASE $db OWNER \"$POSTGRES_USER\" ENCODING 'UTF8' TEMPLATE template0"
done
