# syntax=docker/dockerfile:1.7
# One image recipe for the three artifacts of this codebase:
#   docker build --build-arg ARTIFACT=blog-platform -t blog-platform .   (single jar, default)
#   docker build --build-arg ARTIFACT=auth-service  -t auth-service .    (Maven profile auth-service)
#   docker build --build-arg ARTIFACT=blog-service  -t blog-service .    (Maven profile blog-service)
# No configuration, key or secret is baked in: everything comes from the environment at run time
# (see deploy/.env.example); .dockerignore keeps .env, *.pem, target/ and .blog-platform/ out.
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

# Dependencies first, from pom.xml alone: this layer and the BuildKit cache of ~/.m2 survive
# source changes, so a code change rebuilds in seconds.
COPY pom.xml ./
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    mvn -B -q $(cat /tmp/maven-profile) dependency:go-offline

COPY src/main ./src/main
# Tests run in CI against real servers, not in the image build.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    mvn -B -q $(cat /tmp/maven-profile) -Dmaven.test.skip=true package \
 && java -Djarmode=tools -jar "target/$ARTIFACT.jar" extract --layers --launcher --destination /workspace/extracted

FROM ${RUNTIME_IMAGE}
ARG ARTIFACT=blog-platform
LABEL org.opencontainers.image.title="$ARTIFACT" \
      org.opencontainers.image.description="Blog platform (Spring Modulith): $ARTIFACT"

# curl for the health check, only if the base image lacks it.
RUN command -v curl >/dev/null 2>&1 || { \
      apt-get update && apt-get install -y --no-install-recommends curl \
      && rm -rf /var/lib/apt/lists/*; }

# A fixed non-root user. /var/lib/blog-platform holds what the process writes: the generated
# development JWT key (prod without AUTH_TOKEN_PRIVATE_KEY; mount a volume there so instances
# share it) and the embedded servers' data when run without a profile.
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app \
 && mkdir -p /app /var/lib/blog-platform/keys /var/lib/blog-platform/data \
 && chown -R app:app /var/lib/blog-platform

WORKDIR /app
# Spring Boot layers, least to most often changed, so pulls and pushes reuse the big ones.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./

USER 10001:10001
ENV PLATFORM_DATA_DIR=/var/lib/blog-platform/data \
    AUTH_TOKEN_KEY_DIR=/var/lib/blog-platform/keys \
    JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080

HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD curl -fsS -o /dev/null http://127.0.0.1:8080/actuator/health || exit 1

ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
