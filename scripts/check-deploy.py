#!/usr/bin/env python3
"""Structural checks of the deployment files that neither `docker-compose config` nor
`deck validate` make: Kong routing and plugin settings, upstream health checks, which ports
are published and which networks each service joins, how secrets, the JWT key and the NATS
credentials reach each service. Needs PyYAML.

  check-deploy.py kong FILE.yml COMPOSE.yml       the declarative config, cross-checked with
                                                  the compose file that runs it
  check-deploy.py compose SHAPE < resolved.yml    output of `docker-compose -f ... config`
                                                  (SHAPE: single | split | load-balanced)
  check-deploy.py sources COMPOSE.yml             the file as written (before interpolation):
                                                  required secrets, no well-known values, the
                                                  JWT key secret, each service's NATS user
  check-deploy.py env-example                     deploy/.env.example is complete and safe
  check-deploy.py required SHAPE                  prints the variables SHAPE must require
                                                  (SHAPE: single | split | load-balanced | tools)
Exit status 1 with one line per problem when a check fails.
"""
import re
import sys
from urllib.parse import urlparse

import yaml

problems = []

ENV_EXAMPLE = "deploy/.env.example"
# Every variable a shape must refuse to start without (`${VAR:?set VAR in .env ...}`).
BASE_SECRETS = ["POSTGRES_PASSWORD", "AUTH_DB_PASSWORD", "MONGO_ROOT_PASSWORD", "MONGO_APP_PASSWORD",
                "REDIS_PASSWORD", "AUTH_BOOTSTRAP_API_KEY", "AUTH_BOOTSTRAP_ADMIN_EMAIL",
                "AUTH_BOOTSTRAP_ADMIN_PASSWORD", "AUTH_TOKEN_PRIVATE_KEY_FILE"]
NATS_SECRETS = ["NATS_AUTH_PASSWORD", "NATS_BLOG_PASSWORD"]
REQUIRED = {
    "single": BASE_SECRETS,
    "split": BASE_SECRETS + NATS_SECRETS,
    "load-balanced": BASE_SECRETS + NATS_SECRETS,
    "tools": ["PGADMIN_PASSWORD", "TOOLS_PASSWORD", "MONGO_ROOT_PASSWORD", "REDIS_PASSWORD"],
}
ALL_SECRETS = {name for names in REQUIRED.values() for name in names}
# A variable that looks like a secret must be required too, even if it is new.
SECRET_NAME = re.compile(r"PASSWORD|API_KEY|SECRET|_KEY_FILE")
# The reference's published development values: never a default, never in a deployment.
WELL_KNOWN = ["changeit", "1D3F2DD1A5DE725DD4DF1D82BBB37", "admin@afteracademy.com"]
JWT_SECRET = "jwt-private-key"
JWT_KEY_LOCATION = "file:/run/secrets/jwt-private-key"
NATS_URL = "nats://nats:4222"
# Which NATS user each role connects as: (user variable, its default, password variable).
NATS_USERS = {
    "auth": ("NATS_AUTH_USER", "auth-service", "NATS_AUTH_PASSWORD"),
    "blog": ("NATS_BLOG_USER", "blog-service", "NATS_BLOG_PASSWORD"),
}
READINESS = "/actuator/health/readiness"
# Where an instance's application port is published to the host, actuator (probes, metrics) moves to
# a management port that is not; behind Kong the application port is internal and actuator stays on it.
MANAGEMENT_PORTS = {"app": "8081"}
# Dependencies an instance is ready without: ordering only, never a reason to stay down.
OPTIONAL_DEPENDENCIES = {"redis", "nats"}
DEPENDENCIES = {
    "app": {"postgres", "mongo", "redis"},
    "auth": {"postgres", "nats"},
    "blog": {"mongo", "redis", "nats"},
}


def required(variable):
    return "${%s:?set %s in .env (see %s)}" % (variable, variable, ENV_EXAMPLE)


def check(condition, message):
    if not condition:
        problems.append(message)
    return condition


def plugin_schema_fields():
    text = open("kong/plugins/apikey-auth/schema.lua", encoding="utf-8").read()
    names = set(re.findall(r"\{\s*(\w+)\s*=\s*\{\s*type\s*=", text))
    return names - {"config"}


# ---------------------------------------------------------------- Kong declarative config

def check_kong(path, compose_path):
    config = yaml.safe_load(open(path, encoding="utf-8"))
    compose = yaml.safe_load(open(compose_path, encoding="utf-8"))
    compose_services = set(compose["services"])
    load_balanced = "upstreams" in config

    check(config.get("_format_version") == "3.0", f"{path}: _format_version must be \"3.0\"")
    check("_transform" not in config, f"{path}: _transform is a 2.x setting")

    upstreams = {u["name"]: u for u in config.get("upstreams", [])}
    services = {s["name"]: s for s in config.get("services", [])}
    check(set(services) == {"auth", "blog"}, f"{path}: services must be exactly auth and blog, got {sorted(services)}")

    for name, service in services.items():
        where = f"{path}: service {name}"
        if load_balanced:
            upstream = upstreams.get(service.get("host"))
            check(upstream is not None, f"{where}: host must name an upstream")
            check(service.get("port") == 8080, f"{where}: port must be 8080")
            if upstream:
                check_upstream(path, name, upstream, compose_services)
        else:
            url = urlparse(service.get("url", ""))
            check(url.scheme == "http" and url.hostname == name and url.port == 8080,
                  f"{where}: url must be http://{name}:8080")
            check(name in compose_services, f"{where}: no compose service named {name} in {compose_path}")
        for timeout in ("connect_timeout", "read_timeout", "write_timeout"):
            value = service.get(timeout)
            check(isinstance(value, int) and 0 < value <= 60000, f"{where}: {timeout} must be set, 1..60000 ms")
        check(isinstance(service.get("retries"), int) and service["retries"] <= 5, f"{where}: retries must be set, at most 5")

        routes = {route.get("name"): route for route in service.get("routes", [])}
        expected_routes = {name, CREDENTIAL_ROUTE} if name == "auth" else {name}
        check(set(routes) == expected_routes, f"{where}: routes must be exactly {sorted(expected_routes)}, got {sorted(routes)}")
        for route_name, route in routes.items():
            check(route.get("strip_path") is False, f"{where}: strip_path must be false (paths keep /{name})")
            check(isinstance(route.get("preserve_host"), bool), f"{where}: preserve_host must be set explicitly")
            paths = route.get("paths", [])
            expected_paths = CREDENTIAL_PATHS if route_name == CREDENTIAL_ROUTE else [f"/{name}/"]
            check(paths == expected_paths, f"{where}: route {route_name} paths must be exactly {expected_paths}, got {paths}")
        if CREDENTIAL_ROUTE in routes:
            check_rate_limiting(path, config, routes[CREDENTIAL_ROUTE])

    plugins = [p for p in config.get("plugins", []) if p.get("name") == "apikey-auth"]
    if check(len(plugins) == 1, f"{path}: exactly one apikey-auth plugin expected"):
        plugin = plugins[0]
        check(not ({"service", "route", "consumer"} & set(plugin)), f"{path}: apikey-auth must be global")
        conf = plugin.get("config", {})
        unknown = set(conf) - plugin_schema_fields()
        check(not unknown, f"{path}: apikey-auth config has fields the schema lacks: {sorted(unknown)}")
        urls = conf.get("verification_urls", [])
        check(len(urls) >= 1, f"{path}: verification_urls must not be empty")
        hosts = []
        for raw in urls:
            url = urlparse(raw)
            hosts.append(url.hostname)
            check(url.scheme == "http" and url.port == 8080 and url.path == "/auth/verify/apikey",
                  f"{path}: verification URL {raw} must be http://<auth>:8080/auth/verify/apikey")
            check(url.hostname in compose_services, f"{path}: verification host {url.hostname} is no compose service")
        expected_hosts = ["auth1", "auth2"] if load_balanced else ["auth"]
        check(sorted(hosts) == expected_hosts, f"{path}: verification hosts must be {expected_hosts}, got {hosts}")
        check(0 < conf.get("timeout_ms", 1000) <= 2000, f"{path}: timeout_ms must be at most 2000")
        for ttl in ("positive_ttl", "negative_ttl"):
            check(conf.get(ttl, 1) > 0, f"{path}: {ttl} must be > 0 (0 means forever in Kong's cache)")

    kong_env = compose["services"].get("kong", {}).get("environment", {})
    check(kong_env.get("KONG_DECLARATIVE_CONFIG") == "/etc/kong/" + path.split("/")[-1],
          f"{compose_path}: kong must run with KONG_DECLARATIVE_CONFIG=/etc/kong/{path.split('/')[-1]}")

    # Metrics: Kong's prometheus plugin, global, scraped from its status listener, which the compose
    # file opens on the internal networks only (never a published port).
    prometheus = [p for p in config.get("plugins", []) if p.get("name") == "prometheus"]
    if check(len(prometheus) == 1, f"{path}: exactly one prometheus plugin expected"):
        plugin = prometheus[0]
        check(not ({"service", "route", "consumer"} & set(plugin)), f"{path}: prometheus must be global")
        conf = plugin.get("config", {})
        wanted = ["status_code_metrics", "latency_metrics", "upstream_health_metrics"]
        check(all(conf.get(flag) is True for flag in wanted), f"{path}: prometheus must turn on {wanted}")
    status_listen = str(kong_env.get("KONG_STATUS_LISTEN", ""))
    status_port = status_listen.rsplit(":", 1)[-1] if ":" in status_listen else ""
    if check(status_port.isdigit(), f"{compose_path}: kong needs KONG_STATUS_LISTEN (host:port) for /metrics"):
        kong_ports = [target for target, _, _ in published(compose["services"]["kong"])]
        check(status_port not in kong_ports, f"{compose_path}: kong's status port {status_port} must not be published")


# The routes that take a credential: their own Kong route, so that Kong's rate limit applies to
# them only (the application limits them too, per instance, see README "Rate limits").
CREDENTIAL_ROUTE = "auth-credentials"
CREDENTIAL_PATHS = ["/auth/signin/basic", "/auth/signup/basic", "/auth/token/refresh"]


def check_rate_limiting(path, config, route):
    """Exactly one rate-limiting plugin on the credential route (nested, or top-level naming it), by client IP."""
    where = f"{path}: route {CREDENTIAL_ROUTE}"
    nested = [p for p in route.get("plugins", []) if p.get("name") == "rate-limiting"]
    top = [p for p in config.get("plugins", []) if p.get("name") == "rate-limiting" and p.get("route") == CREDENTIAL_ROUTE]
    plugins = nested + top
    if not check(len(plugins) == 1, f"{where}: exactly one rate-limiting plugin expected, found {len(plugins)}"):
        return
    plugin = plugins[0]
    check(plugin.get("enabled", True) is True, f"{where}: rate-limiting must be enabled")
    conf = plugin.get("config", {})
    windows = {w: conf[w] for w in ("second", "minute", "hour", "day", "month", "year") if conf.get(w) is not None}
    check(windows and all(isinstance(v, int) and v > 0 for v in windows.values()),
          f"{where}: rate-limiting needs at least one positive limit (second..year), got {windows}")
    check(conf.get("limit_by") == "ip", f"{where}: rate-limiting must limit by ip (no consumers here), got {conf.get('limit_by')}")
    # DB-less Kong has no cluster policy; local counts per Kong node (one node in these compose files).
    check(conf.get("policy") in ("local", "redis"), f"{where}: rate-limiting policy must be local or redis")
    check(conf.get("error_code", 429) == 429, f"{where}: rate-limiting must answer 429")
    others = [p for p in config.get("plugins", []) if p.get("name") == "rate-limiting" and p.get("route") != CREDENTIAL_ROUTE]
    check(not others, f"{path}: rate-limiting belongs on route {CREDENTIAL_ROUTE} only")


def check_upstream(path, service, upstream, compose_services):
    where = f"{path}: upstream {upstream['name']}"
    targets = sorted(t["target"] for t in upstream.get("targets", []))
    check(targets == [f"{service}1:8080", f"{service}2:8080"], f"{where}: targets must be {service}1:8080 and {service}2:8080")
    for target in targets:
        check(target.split(":")[0] in compose_services, f"{where}: target {target} is no compose service")
    active = upstream.get("healthchecks", {}).get("active", {})
    passive = upstream.get("healthchecks", {}).get("passive", {})
    check(active.get("http_path") == READINESS, f"{where}: active checks must probe {READINESS}")
    # An interval of 0 disables active probing in Kong.
    check(active.get("healthy", {}).get("interval", 0) > 0, f"{where}: active.healthy.interval must be > 0")
    check(active.get("unhealthy", {}).get("interval", 0) > 0, f"{where}: active.unhealthy.interval must be > 0")
    check(503 in active.get("unhealthy", {}).get("http_statuses", []), f"{where}: readiness's 503 (not ready) must count as unhealthy")
    # Counters of 0 disable passive checks.
    unhealthy = passive.get("unhealthy", {})
    check(unhealthy.get("tcp_failures", 0) > 0 and unhealthy.get("timeouts", 0) > 0,
          f"{where}: passive tcp_failures and timeouts must be > 0")


# ---------------------------------------------------------------- compose (resolved)

ALLOWED_PORTS = {
    "single": {"app": {"8080"}},
    "split": {"kong": {"8000"}, "nats": {"8222"}},
    "load-balanced": {"kong": {"8000"}, "nats": {"8222"}},
}
NETWORKS = {
    "app": {"public", "auth-data", "blog-data"},
    "kong": {"public", "edge"},
    "auth": {"edge", "auth-data", "bus"},
    "blog": {"edge", "blog-data", "bus"},
    "nats": {"bus", "monitor"},
    "postgres": {"auth-data"},
    "mongo": {"blog-data"},
    "redis": {"blog-data"},
}
INTERNAL = {"edge", "auth-data", "blog-data", "bus"}
TOOLS = {"pgadmin", "mongo-express", "redis-commander"}


def published(service):
    for port in service.get("ports", []):
        if isinstance(port, dict):
            yield str(port.get("target")), str(port.get("host_ip", "")), str(port.get("published"))
        else:
            parts = str(port).split(":")
            yield parts[-1].split("/")[0], parts[0] if len(parts) == 3 else "", parts[-2] if len(parts) > 1 else ""


def check_compose(shape):
    config = yaml.safe_load(sys.stdin)
    services = config["services"]
    networks = config.get("networks", {})
    where = f"compose ({shape})"
    for network in INTERNAL & set(networks):
        check(networks[network].get("internal") is True, f"{where}: network {network} must be internal")

    for name, service in services.items():
        role = re.sub(r"[12]$", "", name)
        ports = list(published(service))
        if name in TOOLS:
            for target, host_ip, _ in ports:
                check(host_ip == "127.0.0.1", f"{where}: {name} must publish {target} on 127.0.0.1 only")
            continue
        allowed = ALLOWED_PORTS.get(shape, {}).get(role, set())
        for target, host_ip, _ in ports:
            check(target in allowed, f"{where}: {name} must not publish container port {target}")
            if role == "nats":
                check(host_ip == "127.0.0.1", f"{where}: NATS monitoring must default to 127.0.0.1")
        if role in NETWORKS:
            joined = set(service.get("networks", {}) or {})
            check(joined == NETWORKS[role], f"{where}: {name} must join exactly {sorted(NETWORKS[role])}, joins {sorted(joined)}")
        check("healthcheck" in service, f"{where}: {name} needs a health check")
        depends_on = service.get("depends_on") or {}
        for dependency, condition in depends_on.items():
            # The own database gates readiness, so waiting for it to be healthy is right; Redis and
            # NATS only order the start: the services start, and recover, without them.
            expected = "service_started" if dependency in OPTIONAL_DEPENDENCIES else "service_healthy"
            check(condition.get("condition") == expected,
                  f"{where}: {name} must depend on {dependency} with condition {expected}")
        if role == "kong":
            instances = {n for n in services if re.sub(r"[12]$", "", n) in {"auth", "blog"}}
            check(set(depends_on) == instances, f"{where}: kong must wait for {sorted(instances)}")
        env = service.get("environment") or {}
        if role in {"app", "auth", "blog"}:
            check(env.get("SPRING_PROFILES_ACTIVE") == "prod", f"{where}: {name} must run profile prod")
            expected = {"app": "blog-platform", "auth": "auth-service", "blog": "blog-service"}[role]
            check(service.get("build", {}).get("args", {}).get("ARTIFACT") == expected,
                  f"{where}: {name} must build ARTIFACT={expected}")
            check(set(depends_on) == DEPENDENCIES[role],
                  f"{where}: {name} must depend on exactly {sorted(DEPENDENCIES[role])}, got {sorted(depends_on)}")
            test = " ".join(service.get("healthcheck", {}).get("test") or [])
            management = MANAGEMENT_PORTS.get(role, "8080")
            if role in MANAGEMENT_PORTS:
                check(str(env.get("MANAGEMENT_SERVER_PORT")) == management,
                      f"{where}: {name} must serve actuator on MANAGEMENT_SERVER_PORT={management}, not its published port")
                check(management not in [target for target, _, _ in ports],
                      f"{where}: {name} must not publish its management port {management}")
            check(f"http://127.0.0.1:{management}{READINESS}" in test,
                  f"{where}: {name}'s health check must probe {READINESS} on port {management}")
            check(not service.get("volumes"), f"{where}: {name} must mount no volume (prod writes nothing locally)")
            check_jwt_key(where, name, role, service, config)
            check_nats_client(where, name, role, env, services)
        if role == "auth":
            check_trusted_proxy(where, name, env, services)
        if role == "nats":
            check_nats_server(where, name, env)
        for key, value in env.items():
            check(not (isinstance(value, str) and re.search(r"-----BEGIN", value)),
                  f"{where}: {name}.{key} holds key material")
            for known in WELL_KNOWN:
                check(not (isinstance(value, str) and known.lower() in value.lower()),
                      f"{where}: {name}.{key} resolves to the well-known value {known}")
        if role not in {"app", "auth"}:
            check(not service.get("secrets"), f"{where}: {name} must not get secrets (only app and auth sign tokens)")

    check("auth-keys" not in (config.get("volumes") or {}), f"{where}: no auth-keys volume (prod never generates a key)")

    expected_services = {
        "single": {"app", "postgres", "mongo", "redis"},
        "split": {"kong", "auth", "blog", "nats", "postgres", "mongo", "redis"},
        "load-balanced": {"kong", "auth1", "auth2", "blog1", "blog2", "nats", "postgres", "mongo", "redis"},
    }.get(shape)
    if expected_services:
        check(set(services) - TOOLS == expected_services,
              f"{where}: services must be {sorted(expected_services)}, got {sorted(set(services) - TOOLS)}")


def secret_sources(service):
    return [s if isinstance(s, str) else s.get("source") for s in service.get("secrets") or []]


def check_jwt_key(where, name, role, service, config):
    env = service.get("environment") or {}
    check("AUTH_TOKEN_PUBLIC_KEY" not in env, f"{where}: {name} must not set AUTH_TOKEN_PUBLIC_KEY (derived from the private key)")
    if role == "blog":
        check("AUTH_TOKEN_PRIVATE_KEY" not in env, f"{where}: {name} must not get the JWT private key")
        return
    check(env.get("AUTH_TOKEN_PRIVATE_KEY") == JWT_KEY_LOCATION,
          f"{where}: {name} must read the JWT key from the secret: AUTH_TOKEN_PRIVATE_KEY={JWT_KEY_LOCATION}")
    check(secret_sources(service) == [JWT_SECRET], f"{where}: {name} must get exactly the secret {JWT_SECRET}")
    secret = (config.get("secrets") or {}).get(JWT_SECRET) or {}
    check(bool(secret.get("file")) and not secret.get("external"),
          f"{where}: top-level secret {JWT_SECRET} must be a file (AUTH_TOKEN_PRIVATE_KEY_FILE)")


def check_trusted_proxy(where, name, env, services):
    """auth believes X-Forwarded-For from Kong's fixed edge address, and from no other address."""
    kong_edge = ((services.get("kong") or {}).get("networks") or {}).get("edge") or {}
    kong_ip = kong_edge.get("ipv4_address")
    if not check(kong_ip, f"{where}: kong needs a fixed ipv4_address on edge (auth's trusted proxy)"):
        return
    trusted = env.get("PLATFORM_TRUSTED_PROXIES")
    if not check(isinstance(trusted, str) and trusted, f"{where}: {name} must set PLATFORM_TRUSTED_PROXIES to Kong's address"):
        return
    try:
        pattern = re.compile(trusted)
    except re.error as ex:
        check(False, f"{where}: {name}.PLATFORM_TRUSTED_PROXIES is no regex: {ex}")
        return
    check(pattern.fullmatch(kong_ip), f"{where}: {name}.PLATFORM_TRUSTED_PROXIES {trusted} must match Kong's {kong_ip}")
    neighbour = kong_ip.rsplit(".", 1)[0] + ".11"
    for other in (neighbour, "127.0.0.1", "172.17.0.1", "192.168.0.1"):
        check(not pattern.fullmatch(other), f"{where}: {name}.PLATFORM_TRUSTED_PROXIES must trust Kong only, matches {other}")


def check_nats_client(where, name, role, env, services):
    nats_keys = {k for k in env if k.startswith("NATS_")}
    if role == "app":
        check(not nats_keys, f"{where}: {name} (single jar) has no bus, so no NATS_* variables, got {sorted(nats_keys)}")
        return
    check(nats_keys == {"NATS_URL", "NATS_USER", "NATS_PASSWORD"},
          f"{where}: {name} needs exactly NATS_URL, NATS_USER, NATS_PASSWORD, got {sorted(nats_keys)}")
    url = urlparse(env.get("NATS_URL", ""))
    check(url.username is None and url.password is None and "@" not in env.get("NATS_URL", ""),
          f"{where}: {name}.NATS_URL must carry no credentials")
    check(env.get("NATS_URL") == NATS_URL, f"{where}: {name}.NATS_URL must be {NATS_URL}")
    nats_env = (services.get("nats") or {}).get("environment") or {}
    user_variable, _, password_variable = NATS_USERS[role]
    check(env.get("NATS_USER") == nats_env.get(user_variable) and env.get("NATS_USER"),
          f"{where}: {name}.NATS_USER must be the nats server's {user_variable}")
    check(env.get("NATS_PASSWORD") == nats_env.get(password_variable) and env.get("NATS_PASSWORD"),
          f"{where}: {name}.NATS_PASSWORD must be the nats server's {password_variable}")


def check_nats_server(where, name, env):
    expected = {"NATS_AUTH_USER", "NATS_AUTH_PASSWORD", "NATS_BLOG_USER", "NATS_BLOG_PASSWORD"}
    check(set(env) == expected, f"{where}: {name} must get exactly {sorted(expected)} (one user per service), got {sorted(env)}")
    check(env.get("NATS_AUTH_USER") != env.get("NATS_BLOG_USER"), f"{where}: auth and blog must be different NATS users")


# ---------------------------------------------------------------- compose (as written)

REFERENCE = re.compile(r"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}")


def strings(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from strings(value, f"{path}[{index}]")
    elif isinstance(node, str):
        yield path, node


def env_example_keys():
    keys = {}
    for line in open(ENV_EXAMPLE, encoding="utf-8"):
        match = re.match(r"([A-Za-z_][A-Za-z0-9_]*)=(.*)$", line.strip())
        if match:
            keys[match.group(1)] = match.group(2)
    return keys


def check_sources(path):
    text = open(path, encoding="utf-8").read()
    config = yaml.safe_load(text)
    for known in WELL_KNOWN:
        check(known.lower() not in text.lower(), f"{path}: contains the well-known value {known}")
    for gone in ("auth-keys", "AUTH_TOKEN_PUBLIC_KEY", "AUTH_TOKEN_KEY_DIR", "${NATS_USER", "${NATS_PASSWORD"):
        check(gone not in text, f"{path}: {gone} is gone (JWT key from the secret, one NATS user per service)")

    documented = env_example_keys()
    for where, value in strings(config):
        for variable, operator, argument in REFERENCE.findall(value):
            check(variable in documented, f"{path}: {where} uses {variable}, which {ENV_EXAMPLE} lacks")
            if variable in ALL_SECRETS or SECRET_NAME.search(variable):
                check(operator == ":?" and argument == required(variable)[len(variable) + 4:-1],
                      f"{path}: {where}: {variable} must be required: {required(variable)}")

    services = config.get("services") or {}
    for name, service in services.items():
        env = service.get("environment") or {}
        for key, value in env.items():
            if re.search(r"PASSWORD|API_KEY|SECRET|REDISCLI_AUTH", key) and not key.endswith("_FILE"):
                check(isinstance(value, str) and ":?" in value,
                      f"{path}: {name}.{key} must come from a required variable")
        build = service.get("build")
        artifact = ((build.get("args") if isinstance(build, dict) else None) or {}).get("ARTIFACT")
        if artifact in {"blog-platform", "auth-service"}:
            check(env.get("AUTH_TOKEN_PRIVATE_KEY") == JWT_KEY_LOCATION,
                  f"{path}: {name}.AUTH_TOKEN_PRIVATE_KEY must be {JWT_KEY_LOCATION}")
            check(secret_sources(service) == [JWT_SECRET], f"{path}: {name} must get the secret {JWT_SECRET}")
        role = {"auth-service": "auth", "blog-service": "blog"}.get(artifact)
        if role:
            user_variable, default, password_variable = NATS_USERS[role]
            check(env.get("NATS_URL") == NATS_URL, f"{path}: {name}.NATS_URL must be {NATS_URL} (no credentials)")
            check(env.get("NATS_USER") == "${%s:-%s}" % (user_variable, default),
                  f"{path}: {name}.NATS_USER must be ${{{user_variable}:-{default}}}")
            check(env.get("NATS_PASSWORD") == required(password_variable),
                  f"{path}: {name}.NATS_PASSWORD must be {required(password_variable)}")
    if "nats" in services:
        env = services["nats"].get("environment") or {}
        for role, (user_variable, default, password_variable) in NATS_USERS.items():
            check(env.get(user_variable) == "${%s:-%s}" % (user_variable, default),
                  f"{path}: nats.{user_variable} must be ${{{user_variable}:-{default}}}")
            check(env.get(password_variable) == required(password_variable),
                  f"{path}: nats.{password_variable} must be {required(password_variable)}")
    if any(secret_sources(s) for s in services.values()):
        secret = (config.get("secrets") or {}).get(JWT_SECRET) or {}
        check(secret.get("file") == required("AUTH_TOKEN_PRIVATE_KEY_FILE"),
              f"{path}: secret {JWT_SECRET} must be file: {required('AUTH_TOKEN_PRIVATE_KEY_FILE')}")


def check_env_example():
    text = open(ENV_EXAMPLE, encoding="utf-8").read()
    keys = env_example_keys()
    for known in WELL_KNOWN:
        check(known.lower() not in text.lower(), f"{ENV_EXAMPLE}: contains the well-known value {known}")
    for variable in sorted(ALL_SECRETS):
        check(bool(keys.get(variable)), f"{ENV_EXAMPLE}: {variable} must be set (it is required)")
    for gone in ("NATS_USER", "NATS_PASSWORD", "AUTH_TOKEN_PRIVATE_KEY", "AUTH_TOKEN_PUBLIC_KEY"):
        check(gone not in keys, f"{ENV_EXAMPLE}: {gone} is no longer read by the compose files")
    check(keys.get("AUTH_TOKEN_PRIVATE_KEY_FILE") == "./deploy/secrets/jwt-private.pem",
          f"{ENV_EXAMPLE}: AUTH_TOKEN_PRIVATE_KEY_FILE must be ./deploy/secrets/jwt-private.pem")
    check("openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out deploy/secrets/jwt-private.pem" in text,
          f"{ENV_EXAMPLE}: must say how to create the JWT key")
    passwords = [keys.get(v) for v in sorted(ALL_SECRETS) if "PASSWORD" in v]
    check(len(set(passwords)) == len(passwords), f"{ENV_EXAMPLE}: every password must be different")


def main(argv):
    if len(argv) == 4 and argv[1] == "kong":
        check_kong(argv[2], argv[3])
    elif len(argv) == 3 and argv[1] == "compose":
        check_compose(argv[2])
    elif len(argv) == 3 and argv[1] == "sources":
        check_sources(argv[2])
    elif len(argv) == 2 and argv[1] == "env-example":
        check_env_example()
    elif len(argv) == 3 and argv[1] == "required" and argv[2] in REQUIRED:
        print("\n".join(REQUIRED[argv[2]]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for problem in problems:
        print("  FAIL " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
