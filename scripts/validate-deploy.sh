#!/usr/bin/env bash
# Offline validation of the deployment files (no Docker engine, no Kong needed):
#   1. each compose file, and each with the dev-tools overlay, through `docker-compose config -q`
#      (Debian's Compose 1.29; the files avoid v2-only syntax so v1 and v2 both read them),
#      once with the built-in development defaults and once with deploy/.env.example;
#   2. the resolved compose models through scripts/check-deploy.py: published ports, network
#      membership, health checks, depends_on conditions, profiles and artifacts;
#   3. the Kong declarative configs through `deck validate` (entity schema: field names and
#      types, references) and scripts/check-deploy.py (routes, strip_path, upstream targets and
#      health checks, apikey-auth settings against the plugin schema and the compose services);
#   4. Dockerfile and .dockerignore essentials (grep).
# Not covered: plugin config semantics inside Kong (deck 1.4 predates Kong 3 and skips plugin
# config), image builds, and anything that needs running containers.
# Installs what is missing on Debian/Ubuntu (as root, non-interactively): docker-compose,
# python3-yaml, deck. Exit status non-zero when any check fails.
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
python3 -c 'import yaml' >/dev/null 2>&1 || need+=(python3-yaml)
command -v deck >/dev/null 2>&1 || need+=(deck)
if ((${#need[@]})); then
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    echo "missing: ${need[*]} (install them, or run as root on Debian/Ubuntu)" >&2
    exit 2
  fi
  echo "installing ${need[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null || exit 2
fi

failures=0
passes=0
step() {  # step "description" command...
  local description=$1; shift
  local output
  if output=$("$@" 2>&1); then
    passes=$((passes + 1)); echo "ok    $description"
  else
    failures=$((failures + 1)); echo "FAIL  $description"; [[ -n $output ]] && sed 's/^/      /' <<<"$output"
  fi
}
resolved_check() {  # resolved_check SHAPE compose-args...
  local shape=$1; shift
  local model
  model=$(docker-compose "$@" config) || return 1
  python3 scripts/check-deploy.py compose "$shape" <<<"$model"
}

# Compose reads ./.env when present; validate against the committed defaults, not a local file.
export COMPOSE_PROJECT_NAME=validate-deploy
empty_env=$(mktemp); trap 'rm -f "$empty_env"' EXIT

declare -A shape=([docker-compose.yml]=single [docker-compose-split.yml]=split [docker-compose-load-balanced.yml]=load-balanced)
echo "== compose ($(docker-compose version --short 2>/dev/null || echo '?'))"
for file in docker-compose.yml docker-compose-split.yml docker-compose-load-balanced.yml; do
  step "$file: config (development defaults)" docker-compose --env-file "$empty_env" -f "$file" config -q
  step "$file: config (deploy/.env.example)" docker-compose --env-file deploy/.env.example -f "$file" config -q
  step "$file + dev-tools: config" docker-compose --env-file "$empty_env" -f "$file" -f docker-compose.dev-tools.yml config -q
  step "$file: ports, networks, health, artifacts" resolved_check "${shape[$file]}" --env-file "$empty_env" -f "$file"
  step "$file + dev-tools: tools on loopback only" resolved_check "${shape[$file]}" --env-file "$empty_env" -f "$file" -f docker-compose.dev-tools.yml
done

echo "== kong (deck $(dpkg-query -W -f="\${Version}" deck 2>/dev/null || echo "?"))"
step "kong/kong.yml: deck validate" deck validate -s kong/kong.yml
step "kong/kong-load-balanced.yml: deck validate" deck validate -s kong/kong-load-balanced.yml
step "kong/kong.yml: routes, plugin, vs docker-compose-split.yml" python3 scripts/check-deploy.py kong kong/kong.yml docker-compose-split.yml
step "kong/kong-load-balanced.yml: upstreams, health checks, plugin, vs docker-compose-load-balanced.yml" \
  python3 scripts/check-deploy.py kong kong/kong-load-balanced.yml docker-compose-load-balanced.yml
step "kong/Dockerfile: plugin installed and enabled, admin API on loopback" bash -c '
  grep -q "KONG_PLUGINS=bundled,apikey-auth" kong/Dockerfile &&
  grep -q "plugins/apikey-auth/handler.lua plugins/apikey-auth/schema.lua /usr/local/share/lua/5.1/kong/plugins/apikey-auth/" kong/Dockerfile &&
  grep -q "KONG_ADMIN_LISTEN=127.0.0.1:8001" kong/Dockerfile &&
  grep -q "KONG_DATABASE=off" kong/Dockerfile'

echo "== images"
step "Dockerfile: artifact argument, cached dependencies, non-root, health check" bash -c '
  grep -q "^ARG ARTIFACT=blog-platform" Dockerfile &&
  grep -q "dependency:go-offline" Dockerfile &&
  grep -q -- "--mount=type=cache,target=/root/.m2" Dockerfile &&
  grep -q "^USER 10001" Dockerfile &&
  grep -q "^HEALTHCHECK .*" Dockerfile && grep -q "/actuator/health" Dockerfile &&
  ! grep -Eq "^(COPY|ADD) .*(\\.pem|\\.env|\\.blog-platform)" Dockerfile'
step ".dockerignore: secrets, keys, local state and build output excluded" bash -c '
  for pattern in "**/.env" "**/*.pem" "**/.blog-platform/" "**/target/"; do
    grep -qxF "$pattern" .dockerignore || { echo "missing $pattern"; exit 1; }
  done'

echo "== $passes passed, $failures failed"
((failures == 0))
