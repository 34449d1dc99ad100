#!/usr/bin/env bash
# Measures planeval against this machine's own limits and rewrites BENCHMARKS.md (not part of the test suite).
# Starts its own broker process and the three packaged services on fresh databases; pgbench gives the machine's
# limit, and a peer on the same stack (e2e-tests/benchmark-peer: one INSERT a post) the single POST's yardstick.
#   deploy/local/benchmark.sh                      full run (about 15 minutes on 2 cores)
#   BENCH_ROUNDS=1 BENCH_SECONDS=3 BENCH_WARMUP_SECONDS=5 BENCH_FRESHNESS_SECONDS=10 deploy/local/benchmark.sh   a quick look
#   BENCH_SECTIONS=single,freshness BENCH_PROFILE=true deploy/local/benchmark.sh   part of it (single, bulk, freshness,
#     reads, streams, pack, costs, rebuild; written to e2e-tests/target/BENCHMARKS-part.md), each service recording
#     a JFR profile into e2e-tests/target/e2e-logs/jfr/
#   Single posts warm up until the JIT compilers settle, at most BENCH_WARMUP_MAX_SECONDS (240) a client count.
set -euo pipefail
cd "$(dirname "$0")/../.."
deploy/local/postgres.sh
command -v pgbench >/dev/null 2>&1 || { [ "$(id -u)" = 0 ] && apt-get install -y -qq postgresql-contrib >/dev/null; }
mvn -B -q -ntp install -DskipTests
# The single POST's yardstick: the same stack storing the same row with one INSERT (not part of planeval).
mvn -B -q -ntp -f e2e-tests/benchmark-peer/pom.xml package -DskipTests
exec mvn -B -ntp -pl e2e-tests test -Dgroups=benchmark -De2e.excludedGroups=none -Dtest=PlanevalBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.rounds="${BENCH_ROUNDS:-3}" -Dbench.seconds="${BENCH_SECONDS:-10}" \
  -Dbench.warmup.seconds="${BENCH_WARMUP_SECONDS:-30}" -Dbench.warmup.max-seconds="${BENCH_WARMUP_MAX_SECONDS:-240}" \
  -Dbench.freshness.seconds="${BENCH_FRESHNESS_SECONDS:-60}" \
  -Dbench.sections="${BENCH_SECTIONS:-all}" -Dbench.profile="${BENCH_PROFILE:-false}"
