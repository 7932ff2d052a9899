#!/usr/bin/env python3
"""Structural checks of the deployment files that neither `docker-compose config` nor
`deck validate` make: Kong routing and plugin settings, upstream health checks, which ports
are published and which networks each service joins. Needs PyYAML.

  check-deploy.py kong FILE.yml COMPOSE.yml       the declarative config, cross-checked with
                                                  the compose file that runs it
  check-deploy.py compose SHAPE < resolved.yml    output of `docker-compose -f ... config`
                                                  (SHAPE: single | split | load-balanced | tools)
Exit status 1 with one line per problem when a check fails.
"""
import re
import sys
from urllib.parse import urlparse

import yaml

problems = []


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

        routes = service.get("routes", [])
        check(len(routes) == 1, f"{where}: exactly one route expected")
        for route in routes:
            check(route.get("strip_path") is False, f"{where}: strip_path must be false (paths keep /{name})")
            check(isinstance(route.get("preserve_host"), bool), f"{where}: preserve_host must be set explicitly")
            paths = route.get("paths", [])
            check(paths == [f"/{name}/"],
                  f"{where}: paths must be exactly /{name}/ (a prefix with a segment boundary), got {paths}")

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


def check_upstream(path, service, upstream, compose_services):
    where = f"{path}: upstream {upstream['name']}"
    targets = sorted(t["target"] for t in upstream.get("targets", []))
    check(targets == [f"{service}1:8080", f"{service}2:8080"], f"{where}: targets must be {service}1:8080 and {service}2:8080")
    for target in targets:
        check(target.split(":")[0] in compose_services, f"{where}: target {target} is no compose service")
    active = upstream.get("healthchecks", {}).get("active", {})
    passive = upstream.get("healthchecks", {}).get("passive", {})
    check(active.get("http_path") == "/actuator/health", f"{where}: active checks must probe /actuator/health")
    # An interval of 0 disables active probing in Kong.
    check(active.get("healthy", {}).get("interval", 0) > 0, f"{where}: active.healthy.interval must be > 0")
    check(active.get("unhealthy", {}).get("interval", 0) > 0, f"{where}: active.unhealthy.interval must be > 0")
    check(503 in active.get("unhealthy", {}).get("http_statuses", []), f"{where}: actuator's 503 (DOWN) must count as unhealthy")
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
        for dependency, condition in (service.get("depends_on") or {}).items():
            check(condition.get("condition") == "service_healthy",
                  f"{where}: {name} must wait for {dependency} to be healthy")
        if role in {"app", "auth", "blog"}:
            env = service.get("environment", {})
            check(env.get("SPRING_PROFILES_ACTIVE") == "prod", f"{where}: {name} must run profile prod")
            expected = {"app": "blog-platform", "auth": "auth-service", "blog": "blog-service"}[role]
            check(service.get("build", {}).get("args", {}).get("ARTIFACT") == expected,
                  f"{where}: {name} must build ARTIFACT={expected}")
            if role != "app":
                check(env.get("NATS_URL", "").startswith("nats://"), f"{where}: {name} needs NATS_URL")
        for key, value in (service.get("environment") or {}).items():
            check(not (isinstance(value, str) and re.search(r"-----BEGIN", value)),
                  f"{where}: {name}.{key} holds key material")

    expected_services = {
        "single": {"app", "postgres", "mongo", "redis"},
        "split": {"kong", "auth", "blog", "nats", "postgres", "mongo", "redis"},
        "load-balanced": {"kong", "auth1", "auth2", "blog1", "blog2", "nats", "postgres", "mongo", "redis"},
    }.get(shape)
    if expected_services:
        check(set(services) - TOOLS == expected_services,
              f"{where}: services must be {sorted(expected_services)}, got {sorted(set(services) - TOOLS)}")


def main(argv):
    if len(argv) == 4 and argv[1] == "kong":
        check_kong(argv[2], argv[3])
    elif len(argv) == 3 and argv[1] == "compose":
        check_compose(argv[2])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for problem in problems:
        print("  FAIL " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
