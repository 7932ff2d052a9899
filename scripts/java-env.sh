#!/usr/bin/env bash
# Sourced by scripts that build: selects a JDK >= 25 (the project targets Java 25) and fails
# loudly if there is none. Honours an already suitable JAVA_HOME.
# The major version from the JDK's release file (no JVM started: this runs before every start of
# scripts/run.sh), else from the JVM itself.
java_major() {
  local version
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  [ -n "$version" ] && { echo "$version"; return; }
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p'
}

if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 25 ] 2>/dev/null; then
  JAVA_HOME=""
  for candidate in /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      JAVA_HOME=$candidate
    fi
  done
fi
if [ -z "$JAVA_HOME" ]; then
  echo "No JDK 25 or newer found (looked at JAVA_HOME and /usr/lib/jvm/*). Install one, e.g. Temurin 25." >&2
  exit 1
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8 on JDK 25 warns about sun.misc.Unsafe; the flag silences it.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
command -v mvn >/dev/null || { echo "Maven is required (apt-get install maven)" >&2; exit 1; }
