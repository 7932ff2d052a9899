#!/usr/bin/env bash
# Runs the single jar in embedded development mode (nothing else to install). Builds it first
# when it is missing or older than its sources (the poms, src/main); the build tries Maven's
# offline mode first, so it also works without a network once dependencies are in ~/.m2.
#
# Start-up uses the JDK 25 AOT cache (JEP 483/514/515): the first run after a build extracts the
# jar into target/run and trains the cache with one start of the application (about half a
# minute, on a data directory of its own); every later start maps the classes the training loaded
# and linked instead of loading them again. AOT_CACHE=off runs without it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
jar=target/blog-platform.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml app stacks src/main -newer "$jar" -print -quit)" ]; then
  # Fresh classes (a moved or renamed class must not linger in the jar); the service jars stay.
  rm -rf target/classes
  mvn -B -ntp -q -o package -DskipTests 2>/dev/null || mvn -B -ntp -q package -DskipTests
fi
java="$JAVA_HOME/bin/java"
# Default JVM options (heap limit, collector) from scripts/jvm.options; JAVA_OPTS replaces them.
read -r -a options <<< "${JAVA_OPTS-$(grep -v '^#' scripts/jvm.options | tr '\n' ' ')}"
# glibc's default of 8 malloc arenas per core holds tens of MB the JVM's threads barely use.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
if [ "${AOT_CACHE:-on}" = off ]; then
  exec "$java" "${options[@]}" -jar "$jar" "$@"
fi

# The AOT cache holds classes of the built-in class loaders only: run the jar extracted (the
# application jar with its libraries beside it), not through the nested-jar launcher.
run=target/run
app="$run/blog-platform.jar"
cache="$run/blog-platform.aot"
if [ ! -f "$app" ] || [ "$jar" -nt "$app" ]; then
  rm -rf "$run"
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$run" >/dev/null
fi
if [ ! -f "$cache" ]; then
  echo "[run] training the JVM's AOT cache (once per build)..." >&2
  training=$(mktemp -d)
  # spring.context.exit=onRefresh ends the training once the context is refreshed; the embedded
  # PostgreSQL it started is left behind then, so it is stopped here.
  if ! PLATFORM_DATA_DIR="$training" PORT=0 "$java" "${options[@]}" -XX:AOTCacheOutput="$cache" \
      -Dspring.context.exit=onRefresh -jar "$app" > "$run/aot-training.log" 2>&1; then
    echo "[run] AOT training failed (see $run/aot-training.log); starting without the cache" >&2
    rm -f "$cache"
  fi
  if [ -f "$training/postgres/postmaster.pid" ]; then
    kill "$(head -1 "$training/postgres/postmaster.pid")" 2>/dev/null || true
    sleep 1
  fi
  rm -rf "$training"
fi
if [ -f "$cache" ]; then
  exec "$java" "${options[@]}" -XX:AOTCache="$cache" -jar "$app" "$@"
fi
exec "$java" "${options[@]}" -jar "$app" "$@"
