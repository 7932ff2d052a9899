#!/bin/sh
# Runs once, when the PostgreSQL volume is first initialised: creates auth's own login role and
# database, so the service does not connect as the superuser. Flyway (inside auth) creates the
# schema; nothing else is seeded here.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v app_user="$AUTH_DB_USER" -v app_password="$AUTH_DB_PASSWORD" -v app_db="$AUTH_DB_NAME" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
CREATE DATABASE :"app_db" OWNER :"app_user";
REVOKE ALL ON DATABASE :"app_db" FROM PUBLIC;
SQL
