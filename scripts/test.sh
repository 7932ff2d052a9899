#!/usr/bin/env bash
# The test command: starts what the tests need on loopback, then runs every test:
# the Kong plugin's unit tests (busted), the offline validation of the deployment files, and the
# Java test suite (mvn verify), which also runs the jars built first: the split services as two
# processes, and the single jar in an empty network namespace.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/services.sh
# A fresh schema each run: the machine's PostgreSQL outlives runs, and a schema migrated by another
# branch's history would fail Flyway's validation.
psql -q -h 127.0.0.1 -U postgres -d postgres -c 'DROP SCHEMA IF EXISTS blog_platform_test CASCADE' >/dev/null
bash scripts/test-kong-plugin.sh
bash scripts/validate-deploy.sh
# A headless Chromium for the Swagger UI test; where it cannot be installed, SwaggerUiBrowserTests
# is skipped and says why.
source scripts/apt-install.sh
command -v chromium >/dev/null || install_missing chromium || echo "chromium not installed: SwaggerUiBrowserTests will be skipped" >&2
source scripts/java-env.sh
# The three jars first: the split end-to-end test runs the service jars, the no-network test the single jar.
# 'clean' each time: a class whose source was moved or renamed must not linger in a jar.
mvn -B -ntp -q -DskipTests clean package
mvn -B -ntp -q -Pauth-service clean package
mvn -B -ntp -q -Pblog-service clean package
exec mvn -B -ntp verify -Dsplit.required=true "$@"
