#!/usr/bin/env bash
# Runs the single jar in embedded development mode (nothing else to install). Builds it first
# when it is missing or older than the sources; the build tries Maven's offline mode first, so it
# also works without a network once dependencies are in ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
jar=target/blog-platform.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml app stacks src -newer "$jar" -print -quit)" ]; then
  # Fresh classes (a moved or renamed class must not linger in the jar); the service jars stay.
  rm -rf target/classes
  mvn -B -ntp -q -o package -DskipTests 2>/dev/null || mvn -B -ntp -q package -DskipTests
fi
exec "$JAVA_HOME/bin/java" -jar "$jar" "$@"
