#!/usr/bin/env bash
# Makes sure the servers the test suite talks to are running on loopback:
# PostgreSQL (5432), Redis (6379) and nats-server (4222). Installs them with apt on a Debian
# machine that lacks them, and starts whichever is down. Idempotent.
set -euo pipefail

log() { printf '[services] %s\n' "$*"; }

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

source "$(dirname "$0")/apt-install.sh"

wait_for() { # port name
  for _ in $(seq 1 60); do listening "$1" && { log "$2 is up on 127.0.0.1:$1"; return 0; }; sleep 0.5; done
  log "$2 did not come up on 127.0.0.1:$1"; return 1
}

# PostgreSQL
if ! listening 5432; then
  command -v pg_ctlcluster >/dev/null || install_missing postgresql
  if [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
    log "no PostgreSQL cluster configured"; exit 1
  fi
  version=$(ls /etc/postgresql | sort -V | tail -1)
  conf=/etc/postgresql/$version/main/pg_hba.conf
  # The tests connect as postgres over TCP without a password (trust on loopback only).
  if ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$conf"; then
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$conf"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  wait_for 5432 PostgreSQL
else
  log "PostgreSQL is up on 127.0.0.1:5432"
fi

# Redis
if ! listening 6379; then
  command -v redis-server >/dev/null || install_missing redis-server
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for 6379 Redis
else
  log "Redis is up on 127.0.0.1:6379"
fi

# NATS
if ! listening 4222; then
  command -v nats-server >/dev/null || [ -x /usr/sbin/nats-server ] || install_missing nats-server
  mkdir -p /var/lib/nats-server
  start-stop-daemon --start --oknodo --background --exec "$(command -v nats-server || echo /usr/sbin/nats-server)" -- \
    -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log
  wait_for 4222 nats-server
else
  log "nats-server is up on 127.0.0.1:4222"
fi
