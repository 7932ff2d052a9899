#!/usr/bin/env bash
# Runs the split shape on this machine without Docker or Kong: target/auth-service.jar on 8081 and
# target/blog-service.jar on 8082, each with its embedded database (data under .blog-platform/),
# connected only through nats-server (NATS_URL, default nats://127.0.0.1:4222, started here if it
# is down). Builds the jars when missing or older than the sources. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
export NATS_URL=${NATS_URL:-nats://127.0.0.1:4222}
if [ "$NATS_URL" = nats://127.0.0.1:4222 ] && ! (exec 3<>/dev/tcp/127.0.0.1/4222) 2>/dev/null; then
  bash scripts/services.sh
fi
for artifact in auth-service blog-service; do
  jar=target/$artifact.jar
  if [ ! -f "$jar" ] || [ -n "$(find pom.xml app stacks src -newer "$jar" -print -quit)" ]; then
    mvn -B -ntp -q -o -P"$artifact" clean package 2>/dev/null || mvn -B -ntp -q -P"$artifact" clean package
  fi
done
run() { # artifact port
  PORT=$2 PLATFORM_DATA_DIR=.blog-platform/$1 "$JAVA_HOME/bin/java" -jar "target/$1.jar" 2>&1 | sed -u "s/^/[$1] /" &
}
trap 'kill $(jobs -p) 2>/dev/null; wait' EXIT INT TERM
run auth-service "${AUTH_PORT:-8081}"
run blog-service "${BLOG_PORT:-8082}"
echo "auth on http://localhost:${AUTH_PORT:-8081}/auth/..., blog on http://localhost:${BLOG_PORT:-8082}/blog/... (Ctrl-C stops both)"
wait
