#!/usr/bin/env bash
# A streaming read replica of the local PostgreSQL, for the read-replica tests and for trying
# DATABASE_REPLICA_URLS on a development machine (docs/adr/0012-read-replicas.md). CI runs it
# (.ci/run); on a machine of your own, as root or as the server's OS user (postgres):
#
#   infra/scripts/pg-replica.sh start    # idempotent: prepares the primary, copies it once, starts the replica
#   infra/scripts/pg-replica.sh status   # exit 0 when the replica streams
#   infra/scripts/pg-replica.sh stop     # `remove` also drops its slot and its copy
#
# The primary is the Debian cluster on 127.0.0.1:$PG_PRIMARY_PORT (5432) with trust on loopback,
# as CONTRIBUTING sets it up. `start` adds a loopback `replication` line to its pg_hba.conf and
# reloads it (no restart), copies it with pg_basebackup into $PG_REPLICA_DIR and starts a hot
# standby there on 127.0.0.1:$PG_REPLICA_PORT (5433), loopback only, trust like the primary. It
# streams through a replication slot (onewindow_replica_<port>), so that a busy primary does not
# recycle WAL the copy or the replica still needs; the primary's max_slot_wal_keep_size, when
# unlimited, is set to 4GB (and reloaded), so that a replica left stopped holds at most that much
# WAL back: past it the slot is lost and the next `start` copies again. `remove` stops the
# replica, drops its slot and deletes its copy.
set -euo pipefail

PRIMARY_PORT=${PG_PRIMARY_PORT:-5432}
REPLICA_PORT=${PG_REPLICA_PORT:-5433}
SLOT=onewindow_replica_$REPLICA_PORT
REPLICA_DIR=${PG_REPLICA_DIR:-/var/lib/postgresql/onewindow-replica-$REPLICA_PORT}
VERSION=${PG_VERSION:-$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1)}
BIN=/usr/lib/postgresql/$VERSION/bin
[[ -x "$BIN/pg_ctl" ]] || {
  echo "pg-replica: no PostgreSQL server binaries in $BIN (apt-get install postgresql)" >&2
  exit 1
}

log() { printf 'pg-replica: %s\n' "$*" >&2; }
# The server refuses to run as root: its files and processes belong to the cluster's OS user.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
psql_at() { psql -X -h 127.0.0.1 -p "$1" -U postgres -d postgres -Atc "$2"; }
answers() { psql_at "$1" "select 1" >/dev/null 2>&1; }
# t when the replica streams from the primary (its WAL receiver is connected).
streaming() {
  [[ $(psql_at "$REPLICA_PORT" "select pg_is_in_recovery() and exists (select 1 from pg_stat_wal_receiver where status = 'streaming')" 2>/dev/null) == t ]]
}

prepare_primary() {
  answers "$PRIMARY_PORT" || {
    log "the primary does not answer on 127.0.0.1:$PRIMARY_PORT"
    exit 1
  }
  local level senders hba
  level=$(psql_at "$PRIMARY_PORT" "show wal_level")
  senders=$(psql_at "$PRIMARY_PORT" "show max_wal_senders")
  if [[ $level == minimal || $senders == 0 ]]; then
    log "the primary has wal_level=$level, max_wal_senders=$senders: set wal_level = replica and max_wal_senders = 10 in its postgresql.conf and restart it"
    exit 1
  fi
  hba=$(psql_at "$PRIMARY_PORT" "show hba_file")
  if ! grep -Eq '^host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba"; then
    log "allowing replication connections from 127.0.0.1 in $hba, and reloading the primary"
    sed -i '1i host replication all 127.0.0.1/32 trust # onewindow-replica' "$hba"
    psql_at "$PRIMARY_PORT" "select pg_reload_conf()" >/dev/null
  fi
  if [[ $(psql_at "$PRIMARY_PORT" "show max_slot_wal_keep_size") == -1 ]]; then
    log "bounding the WAL a replication slot holds back on the primary: max_slot_wal_keep_size = 4GB, and reloading it"
    psql_at "$PRIMARY_PORT" "alter system set max_slot_wal_keep_size = '4GB'" >/dev/null
    psql_at "$PRIMARY_PORT" "select pg_reload_conf()" >/dev/null
  fi
}

drop_slot() {
  psql_at "$PRIMARY_PORT" "select pg_drop_replication_slot('$SLOT') from pg_replication_slots where slot_name = '$SLOT' and not active" >/dev/null
}

# The settings a hot standby must have at least as high as its primary's, and its own address.
write_config() {
  local setting lines=""
  for setting in max_connections max_worker_processes max_prepared_transactions max_locks_per_transaction max_wal_senders; do
    lines+="$setting = $(psql_at "$PRIMARY_PORT" "show $setting")"$'\n'
  done
  as_owner tee "$REPLICA_DIR/postgresql.conf" >/dev/null <<EOF
# Written by infra/scripts/pg-replica.sh: a hot standby of 127.0.0.1:$PRIMARY_PORT.
port = $REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$REPLICA_DIR'
hot_standby = on
# Tells the primary which rows the standby's queries still read, so that its vacuum does not
# remove them and cancel those queries.
hot_standby_feedback = on
shared_buffers = 64MB
$lines
EOF
  as_owner tee "$REPLICA_DIR/pg_hba.conf" >/dev/null <<EOF
local all all trust
host all all 127.0.0.1/32 trust
EOF
  as_owner touch "$REPLICA_DIR/pg_ident.conf"
}

copy_primary() {
  log "copying the primary (127.0.0.1:$PRIMARY_PORT) into $REPLICA_DIR with pg_basebackup"
  rm -rf "$REPLICA_DIR"
  drop_slot
  mkdir -p "$(dirname "$REPLICA_DIR")"
  install -d -m 0700 "$REPLICA_DIR"
  [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$REPLICA_DIR"
  # -R writes standby.signal, primary_conninfo and primary_slot_name; -X stream takes the WAL of
  # the copy along, through the slot -C creates.
  as_owner "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$REPLICA_DIR" \
    -X stream -C -S "$SLOT" -R -c fast --no-password
  write_config
}

start_replica() {
  as_owner "$BIN/pg_ctl" -D "$REPLICA_DIR" -l "$REPLICA_DIR/replica.log" -w -t 120 start >/dev/null
}

wait_streaming() {
  local i
  for i in $(seq 1 60); do
    streaming && return 0
    sleep 1
  done
  return 1
}

stop_replica() {
  if [[ -f "$REPLICA_DIR/postmaster.pid" ]]; then as_owner "$BIN/pg_ctl" -D "$REPLICA_DIR" -m fast -w stop >/dev/null; fi
}

case "${1:-start}" in
  start)
    if answers "$REPLICA_PORT"; then
      if streaming; then
        log "the replica on 127.0.0.1:$REPLICA_PORT streams from 127.0.0.1:$PRIMARY_PORT"
        exit 0
      fi
      if [[ $(psql_at "$REPLICA_PORT" "select pg_is_in_recovery()") != t ]]; then
        log "127.0.0.1:$REPLICA_PORT answers but is no standby: stop that server or set PG_REPLICA_PORT"
        exit 1
      fi
    fi
    prepare_primary
    if [[ -f "$REPLICA_DIR/standby.signal" ]]; then
      answers "$REPLICA_PORT" || start_replica || true
      if ! wait_streaming; then
        log "the replica in $REPLICA_DIR does not stream (it may need WAL the primary no longer has): copying again"
        stop_replica || true
        copy_primary
        start_replica
        wait_streaming || {
          log "the new replica does not stream; see $REPLICA_DIR/replica.log"
          exit 1
        }
      fi
    else
      copy_primary
      start_replica
      wait_streaming || {
        log "the replica does not stream; see $REPLICA_DIR/replica.log"
        exit 1
      }
    fi
    log "the replica on 127.0.0.1:$REPLICA_PORT streams from 127.0.0.1:$PRIMARY_PORT"
    ;;
  status)
    if streaming; then
      log "the replica on 127.0.0.1:$REPLICA_PORT streams from 127.0.0.1:$PRIMARY_PORT"
    else
      log "no streaming replica on 127.0.0.1:$REPLICA_PORT"
      exit 1
    fi
    ;;
  stop)
    stop_replica
    ;;
  remove)
    stop_replica
    drop_slot
    rm -rf "$REPLICA_DIR"
    ;;
  *)
    echo "usage: $0 [start|status|stop|remove]" >&2
    exit 2
    ;;
esac
