#!/usr/bin/env bash
# Two application nodes, one worker, PostgreSQL and a real Redis (issue 25): starts Redis on its
# own port, makes an empty database, and runs scripts/two_nodes.py, which starts the gunicorn
# nodes and the worker and proves what they must share. PostgreSQL must be running.
#   PY (default .venv/bin/python), TWO_NODES_PG (server URL without a database name),
#   TWO_NODES_DB, TWO_NODES_REDIS_PORT, TWO_NODES_PORT_A/B.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
PG=${TWO_NODES_PG:-postgres://barnratt:barnratt@127.0.0.1:5432}
DB=${TWO_NODES_DB:-barnratt_two_nodes}
REDIS_PORT=${TWO_NODES_REDIS_PORT:-6391}

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --pidfile "/tmp/barnratt-two-nodes-redis-$REDIS_PORT.pid" --logfile /dev/null
trap 'redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 50); do
  redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
  sleep 0.1
done
redis-cli -p "$REDIS_PORT" flushall >/dev/null

"$PY" - "$PG" "$DB" <<'PYTHON'
import sys

import psycopg

server, name = sys.argv[1], sys.argv[2]
with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
    connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    connection.execute(f'CREATE DATABASE "{name}"')
PYTHON

export DATABASE_URL="$PG/$DB" REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
export BARNRATT_MEDIA_ROOT=${BARNRATT_MEDIA_ROOT:-$(mktemp -d)}
"$PY" scripts/two_nodes.py
