#!/usr/bin/env bash
# Run once by the postgres image on an empty data volume (/docker-entrypoint-initdb.d), after
# init-databases.sql: the role the streaming replica (the `postgres-replica` service) copies and
# follows the primary as, and the pg_hba.conf line that lets it in with its password. The
# password comes from the postgres service's environment (REPLICATION_PASSWORD).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="$REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
SQL
echo "host replication replicator all scram-sha-256" >>"$PGDATA/pg_hba.conf"
