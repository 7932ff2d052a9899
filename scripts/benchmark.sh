#!/usr/bin/env bash
# The side-by-side benchmark (docs/benchmarks.md): wrk, a process of its own, drives each shape in
# turn (the anchor, a bare Spring MVC app; the single jar embedded; the single jar in profile prod on
# this machine's PostgreSQL, Redis and nats-server; the split services in prod), after seeding
# thousands of published blogs and many users; then it times the single jar's start-up and measures
# the auth port's call in-process vs over NATS. Prints the tables and leaves them in
# target/benchmark-results.md. Numbers, not pass/fail: it exits 0 whatever the figures, and non-zero
# only when something could not be measured.
#
# Settings (environment): BENCH_DURATION (s per path, 10), BENCH_WARMUP (s, 5), BENCH_THREADS (2),
# BENCH_CONNECTIONS (32), BENCH_BLOGS (10000), BENCH_USERS (1000), BENCH_AUTHORS (20), BENCH_STARTS (3),
# BENCH_SHAPES (anchor,embedded,prod-single,prod-split), BENCH_REDIS_DB (14), BENCH_PG_PREFIX
# (benchmark_: the prefix of the PostgreSQL database and role it creates; leftovers with it are
# dropped at start and exit), BENCH_SKIP_BUILD=1 (reuse the built jars), BENCH_PORT_LATENCY=0 (skip it).
set -euo pipefail
cd "$(dirname "$0")/.."

prefix=${BENCH_PG_PREFIX:-benchmark_}
if [[ ! $prefix =~ ^[a-z_][a-z0-9_]{0,30}$ ]]; then
  echo "BENCH_PG_PREFIX must be a lower-case SQL identifier prefix: $prefix" >&2
  exit 2
fi

bash scripts/services.sh
source scripts/apt-install.sh
command -v wrk >/dev/null || install_missing wrk
source scripts/java-env.sh

psql_admin() { psql -q -X -h 127.0.0.1 -U postgres -d postgres "$@"; }

# What a killed run left behind: its database first, then its role (which owns it).
drop_leftovers() {
  { psql_admin -At -c "SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE);', datname) FROM pg_database WHERE starts_with(datname, '$prefix')" | psql_admin >/dev/null &&
    psql_admin -At -c "SELECT format('DROP ROLE IF EXISTS %I;', rolname) FROM pg_roles WHERE starts_with(rolname, '$prefix')" | psql_admin >/dev/null; } ||
    echo "[benchmark] could not drop the PostgreSQL leftovers named $prefix*" >&2
}

harness=
cleanup() {
  if [[ -n $harness ]] && kill -0 "$harness" 2>/dev/null; then
    kill -TERM "$harness" 2>/dev/null || true # its shutdown hook stops every process it started
    wait "$harness" 2>/dev/null || true
  fi
  drop_leftovers
}
trap cleanup EXIT
trap 'exit 130' INT TERM

drop_leftovers
if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
  mvn -B -ntp -q -DskipTests clean package
  mvn -B -ntp -q -Pauth-service clean package
  mvn -B -ntp -q -Pblog-service clean package
  mvn -B -ntp -q -Pbenchmarks -pl benchmarks/anchor clean package
fi
# The harness runs on the test class path (it reuses the system tests' ServiceJar, ProductionEnvironment
# and the MongoDB wire server); app is the reactor's last module, so its class path is the one left.
mvn -B -ntp -q -pl app -am dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/benchmark.classpath"
rm -f target/benchmark-results.md

# The shapes get only what the harness configures: nothing of the caller's SPRING_*, AUTH_*, NATS_*,
# PLATFORM_* environment (e.g. a test schema) reaches them.
unset_vars=()
while IFS= read -r name; do unset_vars+=(-u "$name"); done < <(compgen -e | grep -E '^(SPRING|AUTH|NATS|PLATFORM)_' || true)
status=0
env "${unset_vars[@]}" "$JAVA_HOME/bin/java" -Dsplit.required=true \
  -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
  com.blogplatform.benchmark.ShapesSideBySide &
harness=$!
wait "$harness" || status=$?
harness=

if [[ ${BENCH_PORT_LATENCY:-1} != 0 ]]; then
  # The port call alone, in one JVM on the test profile (the caller's SPRING_* isolate it).
  mvn -B -ntp -q test -pl app -am -Dtest=PortLatencyBenchmark -Dtest.groups=benchmark -Dtest.excludedGroups=none \
    -Dsurefire.failIfNoSpecifiedTests=false >target/port-latency-benchmark.log 2>&1 \
    || { status=1; echo "[benchmark] the port latency benchmark failed; see target/port-latency-benchmark.log" >&2; }
fi

echo
echo "# Benchmark results ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -m))"
cat target/benchmark-results.md
exit "$status"
