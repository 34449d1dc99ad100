#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on $PGHOST:$PGPORT with the planeval role and databases.
# On a Debian machine where we are root: starts the installed cluster, installing postgresql first if missing.
# Elsewhere (a server you run yourself) it only checks and creates the role and databases it can.
set -euo pipefail

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-planeval}
PGPASSWORD=${PGPASSWORD:-planeval}
DATABASES=${PLANEVAL_DATABASES:-planeval_plan planeval_indicator planeval_evaluation}

log() { printf '[postgres] %s\n' "$*"; }

as_postgres() {
  if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
}

if ! pg_isready -q -h "$PGHOST" -p "$PGPORT" 2>/dev/null; then
  if [ "$PGHOST" != 127.0.0.1 ] && [ "$PGHOST" != localhost ]; then
    log "no PostgreSQL answers at $PGHOST:$PGPORT and it is not local: start it and retry"; exit 1
  fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || { log "PostgreSQL is not installed and we are not root: install it (apt-get install postgresql)"; exit 1; }
    log "installing PostgreSQL with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
  fi
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$version" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    log "creating cluster $version/main"
    pg_createcluster "$version" main >/dev/null
  fi
  log "starting cluster $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 60); do
    pg_isready -q -h "$PGHOST" -p "$PGPORT" && break
    sleep 0.5
  done
  pg_isready -h "$PGHOST" -p "$PGPORT" >/dev/null || { log "PostgreSQL did not become ready on $PGHOST:$PGPORT"; exit 1; }
fi

# Role: created through the local superuser (peer authentication on the socket) where we can, idempotently.
if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
  as_postgres psql -q -v ON_ERROR_STOP=1 -p "$PGPORT" -d postgres -c \
    "DO \$\$ BEGIN
       IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PGUSER') THEN
         CREATE ROLE \"$PGUSER\" LOGIN CREATEDB PASSWORD '$PGPASSWORD';
       END IF;
     END \$\$;"
fi

export PGPASSWORD
for db in $DATABASES; do
  if ! psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    log "creating database $db"
    psql -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -c "CREATE DATABASE \"$db\" ENCODING 'UTF8' TEMPLATE template0"
  fi
done
log "ready at $PGHOST:$PGPORT (role $PGUSER; databases: $DATABASES)"
