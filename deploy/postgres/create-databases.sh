#!/bin/sh
# Creates the portal's and Keycloak's databases, each owned by its own login role, so that neither application can
# read or change the other's data. Idempotent: run again, it only resets the two passwords.
# compose: runs once, from /docker-entrypoint-initdb.d, when the PostgreSQL volume is first initialised.
# Kubernetes: runs as the db-init Job against the cluster's PostgreSQL (PGHOST, PGUSER, PGPASSWORD of a superuser).
set -eu
export PGUSER="${PGUSER:-${POSTGRES_USER:-postgres}}"
export PGDATABASE="${PGDATABASE:-postgres}"

create() {
  if [ -z "$3" ]; then
    echo "create-databases: the password of role $2 is empty" >&2
    exit 1
  fi
  psql -v ON_ERROR_STOP=1 --set=db="$1" --set=role="$2" --set=pw="$3" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role')\gexec
SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'role', :'pw')\gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db')\gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db')\gexec
SQL
}

create "${PORTAL_DB_NAME:-portal}" "${PORTAL_DB_USER:-portal}" "${PORTAL_DB_PASSWORD:-}"
create "${KEYCLOAK_DB_NAME:-keycloak}" "${KEYCLOAK_DB_USER:-keycloak}" "${KEYCLOAK_DB_PASSWORD:-}"
