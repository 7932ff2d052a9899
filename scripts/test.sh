#!/usr/bin/env bash
# The test command: starts what the tests need on loopback, then runs every test:
# the Kong plugin's unit tests (busted), the offline validation of the deployment files, and the
# Java test suite (mvn verify), which runs the split end-to-end test against the two service jars
# built first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/services.sh
bash scripts/test-kong-plugin.sh
bash scripts/validate-deploy.sh
source scripts/java-env.sh
mvn -B -ntp -q -Pauth-service package
mvn -B -ntp -q -Pblog-service package
exec mvn -B -ntp verify -Dsplit.required=true "$@"
