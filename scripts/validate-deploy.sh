#!/usr/bin/env bash
# Offline validation of the deployment files (no Docker engine, no Kong needed):
#   1. secrets are required: `docker-compose config` (Debian's Compose 1.29; the files avoid
#      v2-only syntax so v1 and v2 both read them) must FAIL with an empty .env and name the
#      missing variable, and must fail naming each secret when only that one is empty;
#   2. each compose file, and each with the dev-tools overlay, resolves with deploy/.env.example
#      (`config -q`; Compose 1.29's config does not mind that the JWT key file is absent);
#   3. the resolved compose models through scripts/check-deploy.py: published ports, network
#      membership, readiness health checks, depends_on conditions, profiles and artifacts, the
#      JWT key from the jwt-private-key secret (no auth-keys volume), each service's own NATS user
#      and a NATS_URL without credentials, auth trusting forwarded headers from Kong's fixed address
#      only, no well-known value;
#   4. the files as written through scripts/check-deploy.py: every secret `${VAR:?...}`, no
#      well-known value or development fallback, every variable documented in deploy/.env.example,
#      which is itself complete; deploy/secrets/ keeps key files out of Git;
#   5. the Kong declarative configs through `deck validate` (entity schema: field names and
#      types, references) and scripts/check-deploy.py (routes, strip_path, upstream targets and
#      readiness health checks, apikey-auth settings against the plugin schema and the compose
#      services, the rate-limiting plugin on the credential route: a missing one fails, the global
#      prometheus plugin and Kong's unpublished status listener that serves it);
#   6. Dockerfile and .dockerignore essentials (grep), the HEALTHCHECK on readiness.
# Not covered: plugin config semantics inside Kong (deck 1.4 predates Kong 3 and skips plugin
# config), image builds, and anything that needs running containers.
# Installs what is missing on Debian/Ubuntu (as root, non-interactively): docker-compose,
# python3-yaml, deck. Exit status non-zero when any check fails.
set -uo pipefail
cd "$(dirname "$0")/.."

source scripts/apt-install.sh
need=()
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
python3 -c 'import yaml' >/dev/null 2>&1 || need+=(python3-yaml)
command -v deck >/dev/null 2>&1 || need+=(deck)
install_missing "${need[@]}" || exit 2

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
missing_message='set ([A-Z0-9_]+) in \.env \(see deploy/\.env\.example\)'
refuses_empty_env() {  # refuses_empty_env SHAPE compose-args...: config fails, naming a secret
  local shape=$1; shift
  local output named secrets
  if output=$(docker-compose --env-file "$empty_env" "$@" config -q 2>&1); then
    echo "config succeeded without any variable: a secret has a default"; return 1
  fi
  named=$(grep -Eo "$missing_message" <<<"$output" | head -1 | cut -d' ' -f2)
  secrets=$(python3 scripts/check-deploy.py required "$shape")
  if [[ -z $named ]] || ! grep -qxF "$named" <<<"$secrets"; then
    echo "config failed, but not by naming a required variable:"; echo "$output"; return 1
  fi
  echo "refused, naming $named"
}
requires_each() {  # requires_each SHAPE compose-args...: empty any one secret and config names it
  local shape=$1; shift
  local variable output env_file bad=0
  env_file=$(mktemp -p "$work")
  for variable in $(python3 scripts/check-deploy.py required "$shape"); do
    grep -q "^$variable=" deploy/.env.example || { echo "$variable: not in deploy/.env.example"; bad=1; continue; }
    sed "s/^$variable=.*/$variable=/" deploy/.env.example >"$env_file"
    if output=$(docker-compose --env-file "$env_file" "$@" config -q 2>&1); then
      echo "$variable: config succeeded with it empty"; bad=1
    elif ! grep -qF "set $variable in .env (see deploy/.env.example)" <<<"$output"; then
      echo "$variable: config failed without naming it:"; echo "$output"; bad=1
    fi
  done
  return $bad
}

# Compose reads ./.env and the shell's environment; validate against the committed files only.
export COMPOSE_PROJECT_NAME=validate-deploy
unset $(sed -n 's/^\([A-Za-z_][A-Za-z0-9_]*\)=.*/\1/p' deploy/.env.example) \
  $(for s in single split load-balanced tools; do python3 scripts/check-deploy.py required $s; done)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
empty_env="$work/empty.env"; : >"$empty_env"

declare -A shape=([docker-compose.yml]=single [docker-compose-split.yml]=split [docker-compose-load-balanced.yml]=load-balanced)
echo "== compose ($(docker-compose version --short 2>/dev/null || echo '?'))"
for file in docker-compose.yml docker-compose-split.yml docker-compose-load-balanced.yml; do
  step "$file: config refuses to run without the required variables" refuses_empty_env "${shape[$file]}" -f "$file"
  step "$file: each secret is required ($(python3 scripts/check-deploy.py required "${shape[$file]}" | paste -sd' '))" \
    requires_each "${shape[$file]}" -f "$file"
  step "$file: config (deploy/.env.example)" docker-compose --env-file deploy/.env.example -f "$file" config -q
  step "$file + dev-tools: config (deploy/.env.example)" docker-compose --env-file deploy/.env.example -f "$file" -f docker-compose.dev-tools.yml config -q
  step "$file: as written: required secrets, JWT key secret, NATS users, no well-known values" \
    python3 scripts/check-deploy.py sources "$file"
  step "$file: ports, networks, readiness checks, depends_on, secrets, NATS credentials, trusted proxy, artifacts" \
    resolved_check "${shape[$file]}" --env-file deploy/.env.example -f "$file"
  step "$file + dev-tools: tools on loopback only" \
    resolved_check "${shape[$file]}" --env-file deploy/.env.example -f "$file" -f docker-compose.dev-tools.yml
done
step "docker-compose.dev-tools.yml: each tool secret is required" requires_each tools -f docker-compose.yml -f docker-compose.dev-tools.yml
step "docker-compose.dev-tools.yml: as written: required secrets, no well-known values" \
  python3 scripts/check-deploy.py sources docker-compose.dev-tools.yml
step "deploy/.env.example: every required variable set, no well-known or obsolete ones" python3 scripts/check-deploy.py env-example
step "deploy/secrets/: key files git-ignored, README and .gitignore tracked" bash -c '
  test -f deploy/secrets/.gitignore && test -f deploy/secrets/README.md || { echo "deploy/secrets/.gitignore and README.md expected"; exit 1; }
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    for key in deploy/secrets/jwt-private.pem deploy/secrets/nats-ca.pem deploy/secrets/anything; do
      git check-ignore -q --no-index "$key" || { echo "$key is not ignored"; exit 1; }
    done
    for kept in deploy/secrets/.gitignore deploy/secrets/README.md; do
      ! git check-ignore -q --no-index "$kept" || { echo "$kept is ignored"; exit 1; }
    done
  fi
  ! git ls-files deploy/secrets/ 2>/dev/null | grep -Evx "deploy/secrets/(\.gitignore|README\.md)"'

echo "== kong (deck $(dpkg-query -W -f="\${Version}" deck 2>/dev/null || echo "?"))"
step "kong/kong.yml: deck validate" deck validate -s kong/kong.yml
step "kong/kong-load-balanced.yml: deck validate" deck validate -s kong/kong-load-balanced.yml
step "kong/kong.yml: routes, plugins (apikey-auth, rate-limiting, prometheus), vs docker-compose-split.yml" python3 scripts/check-deploy.py kong kong/kong.yml docker-compose-split.yml
step "kong/kong-load-balanced.yml: upstreams, health checks, plugins (apikey-auth, rate-limiting, prometheus), vs docker-compose-load-balanced.yml" \
  python3 scripts/check-deploy.py kong kong/kong-load-balanced.yml docker-compose-load-balanced.yml
step "kong/Dockerfile: plugin installed and enabled, admin API on loopback" bash -c '
  grep -q "KONG_PLUGINS=bundled,apikey-auth" kong/Dockerfile &&
  grep -q "plugins/apikey-auth/handler.lua plugins/apikey-auth/schema.lua /usr/local/share/lua/5.1/kong/plugins/apikey-auth/" kong/Dockerfile &&
  grep -q "KONG_ADMIN_LISTEN=127.0.0.1:8001" kong/Dockerfile &&
  grep -q "KONG_DATABASE=off" kong/Dockerfile'

echo "== images"
step "Dockerfile: artifact argument, cached dependencies, non-root, readiness health check, no key directory, AOT cache trained and used" bash -c '
  grep -q "^ARG ARTIFACT=blog-platform" Dockerfile &&
  grep -q -- "-XX:AOTCacheOutput=/app/app.aot" Dockerfile &&
  grep -q "^ENTRYPOINT \[\"java\", \"-XX:AOTCache=/app/app.aot\"" Dockerfile &&
  ! grep -q -- "--launcher" Dockerfile &&
  grep -q "dependency:go-offline" Dockerfile &&
  grep -q -- "--mount=type=cache,target=/root/.m2" Dockerfile &&
  grep -q "^USER 10001" Dockerfile &&
  sed -n "/^HEALTHCHECK/,/[^\\\\]\$/p" Dockerfile | grep -q "http://127.0.0.1:8080/actuator/health/readiness" &&
  ! grep -q "AUTH_TOKEN_KEY_DIR" Dockerfile &&
  ! grep -Eq "^(COPY|ADD) .*(\\.pem|\\.env|\\.blog-platform)" Dockerfile'
step ".dockerignore: secrets, keys, local state and build output excluded" bash -c '
  for pattern in "**/.env" "**/*.pem" "**/.blog-platform/" "**/target/"; do
    grep -qxF "$pattern" .dockerignore || { echo "missing $pattern"; exit 1; }
  done'

echo "== $passes passed, $failures failed"
((failures == 0))
