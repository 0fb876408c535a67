#!/bin/sh
# manage.py with exactly the environment the systemd units get from EnvironmentFile=: the same
# file, read by the shell with `set -a` so that every NAME=value line is exported as written
# (quoted values with spaces stay whole; `export $(cat … | xargs)` would split them).
#   scripts/manage.sh migrate --no-input
#   BARNRATT_ENV_FILE=/etc/barnratt-test.env scripts/manage.sh check --deploy
set -eu
env_file=${BARNRATT_ENV_FILE:-/etc/barnratt.env}
cd "$(dirname "$0")/.."
if [ ! -r "$env_file" ]; then
    echo "scripts/manage.sh: cannot read $env_file (set BARNRATT_ENV_FILE)" >&2
    exit 2
fi
set -a
. "$env_file"
set +a
exec "${BARNRATT_PYTHON:-.venv/bin/python}" manage.py "$@"
