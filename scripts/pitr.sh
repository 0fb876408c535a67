#!/usr/bin/env bash
# Point-in-time recovery for Barnrätt's PostgreSQL database: the steps of the operations guide
# (docs/operations.md, "Point-in-time recovery"). Run it as the postgres user. The test suite
# drills these same commands on a throw-away cluster (tests/operations/test_pitr_drill.py).
#
#   scripts/pitr.sh archive-settings ARCHIVE_DIR
#       Print the postgresql.conf lines that archive the write-ahead log into ARCHIVE_DIR.
#   scripts/pitr.sh base-backup DEST_DIR
#       Take a base backup (compressed tar files, with the log it needs) into DEST_DIR.
#       Connection as for any PostgreSQL client: PGHOST, PGPORT, PGUSER.
#   scripts/pitr.sh restore-point NAME
#       Mark a named point in the log to recover to later (for example before a risky change).
#   scripts/pitr.sh restore BASE_DIR ARCHIVE_DIR DATA_DIR (--name NAME | --time TIME) [--promote]
#       Unpack the base backup in BASE_DIR into the new, empty DATA_DIR and set it up to replay
#       the archived log up to the restore point NAME or the time TIME. Without --promote the
#       server pauses there (check the data, then SELECT pg_wal_replay_resume();); with
#       --promote it ends recovery at once and opens for writing.
#
# PG_BIN names the directory of the PostgreSQL programs when they are not on PATH
# (e.g. /usr/lib/postgresql/15/bin).
set -euo pipefail

pg() {
  local program=$1
  shift
  if [ -n "${PG_BIN:-}" ]; then
    "$PG_BIN/$program" "$@"
  else
    "$program" "$@"
  fi
}

usage() {
  sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# Quote a value for postgresql.conf: single quotes, a quote inside doubled.
conf_quote() {
  printf "'%s'" "${1//\'/\'\'}"
}

archive_settings() {
  [ $# -eq 1 ] || usage
  local archive=$1
  echo "wal_level = replica"
  echo "archive_mode = on"
  # Never overwrite a file already archived: a second cluster archiving into the same directory
  # by mistake fails loudly instead of destroying the first one's log.
  echo "archive_command = $(conf_quote "test ! -f $archive/%f && cp %p $archive/%f")"
}

base_backup() {
  [ $# -eq 1 ] || usage
  pg pg_basebackup --pgdata="$1" --format=tar --gzip --wal-method=stream --checkpoint=fast \
    --no-password
  echo "Base backup written to $1"
}

restore_point() {
  [ $# -eq 1 ] || usage
  # Through standard input: psql quotes the variable there (not in -c).
  echo "SELECT pg_create_restore_point(:'name');" |
    pg psql --no-password -X -v ON_ERROR_STOP=1 -q -At -v name="$1" >/dev/null
  pg psql --no-password -X -v ON_ERROR_STOP=1 -q -At -c "SELECT pg_switch_wal()" >/dev/null
  echo "Restore point $1 created"
}

restore() {
  [ $# -ge 3 ] || usage
  local base=$1 archive=$2 data=$3
  shift 3
  local target="" action="pause"
  while [ $# -gt 0 ]; do
    case $1 in
      --name) [ $# -ge 2 ] || usage; target="recovery_target_name = $(conf_quote "$2")"; shift 2 ;;
      --time) [ $# -ge 2 ] || usage; target="recovery_target_time = $(conf_quote "$2")"; shift 2 ;;
      --promote) action="promote"; shift ;;
      *) usage ;;
    esac
  done
  [ -n "$target" ] || usage
  [ -f "$base/base.tar.gz" ] || { echo "No base.tar.gz in $base" >&2; exit 1; }
  [ -d "$archive" ] || { echo "No log archive at $archive" >&2; exit 1; }
  if [ -e "$data" ] && [ -n "$(ls -A "$data")" ]; then
    echo "$data is not empty: move the old data directory away first" >&2
    exit 1
  fi
  mkdir -p "$data"
  chmod 700 "$data"
  tar -xzf "$base/base.tar.gz" -C "$data"
  if [ -f "$base/pg_wal.tar.gz" ]; then
    tar -xzf "$base/pg_wal.tar.gz" -C "$data/pg_wal"
  fi
  {
    echo ""
    echo "# Point-in-time recovery (scripts/pitr.sh restore)"
    echo "restore_command = $(conf_quote "cp $archive/%f %p")"
    echo "$target"
    echo "recovery_target_action = '$action'"
  } >>"$data/postgresql.auto.conf"
  touch "$data/recovery.signal"
  echo "Ready to recover in $data ($target, then $action). Start PostgreSQL on it."
}

[ $# -ge 1 ] || usage
command=$1
shift
case $command in
  archive-settings) archive_settings "$@" ;;
  base-backup) base_backup "$@" ;;
  restore-point) restore_point "$@" ;;
  restore) restore "$@" ;;
  *) usage ;;
esac
