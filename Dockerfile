# syntax=docker/dockerfile:1.7
# One image recipe for the three artifacts of this codebase:
#   docker build --build-arg ARTIFACT=blog-platform -t blog-platform .   (single jar, default)
#   docker build --build-arg ARTIFACT=auth-service  -t auth-service .    (Maven profile auth-service)
#   docker build --build-arg ARTIFACT=blog-service  -t blog-service .    (Maven profile blog-service)
# No configuration, key or secret is baked in: everything comes from the environment and from
# mounted secrets at run time (see deploy/.env.example; the JWT key is a file under /run/secrets);
# .dockerignore keeps .env, *.pem, target/ and .blog-platform/ out.
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-25
ARG RUNTIME_IMAGE=eclipse-temurin:25-jre

FROM ${BUILD_IMAGE} AS build
ARG ARTIFACT=blog-platform
ENV MAVEN_OPTS=--sun-misc-unsafe-memory-access=allow
WORKDIR /workspace

# Which Maven profile builds which jar (each lands as target/<ARTIFACT>.jar).
RUN case "$ARTIFACT" in \
      blog-platform) echo "" ;; \
      auth-service|blog-service) echo "-P$ARTIFACT" ;; \
      *) echo "ARTIFACT must be blog-platform, auth-service or blog-service, not '$ARTIFACT'" >&2; exit 1 ;; \
    esac > /tmp/maven-profile

# Dependencies first, from the poms alone (the reactor: pom.xml, the two stacks, app/): this layer
# and the BuildKit cache of ~/.m2 survive source changes, so a code change rebuilds in seconds.
COPY pom.xml ./
COPY stacks/auth-stack/pom.xml stacks/auth-stack/
COPY stacks/blog-stack/pom.xml stacks/blog-stack/
COPY app/pom.xml app/
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    mvn -B -q $(cat /tmp/maven-profile) dependency:go-offline

COPY src/main ./src/main
# Tests run in CI against real servers, not in the image build.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    mvn -B -q $(cat /tmp/maven-profile) -Dmaven.test.skip=true package \
 && java -Djarmode=tools -jar "target/$ARTIFACT.jar" extract --layers --destination /workspace/extracted

FROM ${RUNTIME_IMAGE}
ARG ARTIFACT=blog-platform
LABEL org.opencontainers.image.title="$ARTIFACT" \
      org.opencontainers.image.description="Blog platform (Spring Modulith): $ARTIFACT"

# curl for the health check, only if the base image lacks it.
RUN command -v curl >/dev/null 2>&1 || { \
      apt-get update && apt-get install -y --no-install-recommends curl \
      && rm -rf /var/lib/apt/lists/*; }

# A fixed non-root user (uid/gid 10001: a mounted secret file must be readable by it).
# /var/lib/blog-platform/data holds what the process writes when run without a profile (embedded
# servers, a generated development JWT key); profile prod writes nothing there and refuses to
# start without a configured JWT key.
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app \
 && mkdir -p /app /var/lib/blog-platform/data \
 && chown -R app:app /var/lib/blog-platform

WORKDIR /app
# Spring Boot layers, least to most often changed, so pulls and pushes reuse the big ones. Extracted
# as a plain jar with its libraries beside it (not the nested-jar launcher): the JVM's AOT cache
# holds only classes of the built-in class loaders.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
RUN mv "/app/$ARTIFACT.jar" /app/app.jar

USER 10001:10001
# Container-aware heap (75 % of the container's memory limit); compact object headers (JEP 519):
# 8 bytes less per object, as scripts/jvm.options sets for the single jar.
ENV PLATFORM_DATA_DIR=/var/lib/blog-platform/data \
    JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseCompactObjectHeaders -XX:+ExitOnOutOfMemoryError -XX:TrimNativeHeapInterval=5000"
# The JDK 25 AOT cache (JEP 483/514/515): one training start of the application in the embedded
# mode, in this image with this JVM, records the classes it loads and links; every start of the
# container then maps them instead of loading them again (scripts/run.sh does the same locally).
# spring.context.exit=onRefresh ends the training once the context is refreshed.
RUN PLATFORM_DATA_DIR=/tmp/aot-training PORT=0 \
    java -XX:AOTCacheOutput=/app/app.aot -Dspring.context.exit=onRefresh -jar /app/app.jar \
 && rm -rf /tmp/aot-training
EXPOSE 8080

# Readiness: UP once the instance can serve (its own database reachable, not shutting down);
# Redis and NATS never make it unready. /actuator/health/liveness is for orchestrators that
# restart a process (it never depends on a remote server).
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD curl -fsS -o /dev/null http://127.0.0.1:8080/actuator/health/readiness || exit 1

ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-jar", "/app/app.jar"]
