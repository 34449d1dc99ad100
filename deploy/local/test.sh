#!/usr/bin/env bash
# Runs every test: readies PostgreSQL, then the whole Maven build with unit, @QuarkusTest and end-to-end tests.
# Kafka needs nothing: the tests start their own brokers from Apache Kafka's artifacts.
set -euo pipefail
cd "$(dirname "$0")/../.."
deploy/local/postgres.sh
deploy/local/tools.sh
exec mvn -B -ntp verify "$@"
