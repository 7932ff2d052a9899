#!/usr/bin/env bash
# The benchmarks, in one run: the auth port's call latency in-process vs over NATS, and the
# throughput of a protected blog endpoint in the single jar vs the split services. Prints the
# tables and leaves them in target/benchmark-results.md. Numbers, not pass/fail: the machine is
# shared, so compare the ratios of one run rather than absolute figures across runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/services.sh
source scripts/java-env.sh
mvn -B -ntp -q -DskipTests clean package
mvn -B -ntp -q -Pauth-service clean package
mvn -B -ntp -q -Pblog-service clean package
rm -f target/benchmark-results.md
mvn -B -ntp test -Dtest.groups=benchmark -Dtest.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false
echo
echo "## Benchmark results ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
cat target/benchmark-results.md
