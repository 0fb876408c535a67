#!/usr/bin/env bash
# The README's first command as a newcomer meets it: a brand-new virtual environment with the pip
# that `python3 -m venv` brings, only the base lock (through the Makefile's own install target),
# migrate, load_demo and the development server; then the start page must answer in Swedish.
# Run by .ci/run before anything else; `scripts/smoke.sh` works by hand too.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d /tmp/barnratt-smoke.XXXX)
port=${SMOKE_PORT:-8765}
server=""
cleanup() {
  [ -n "$server" ] && kill -- -"$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A process group of its own, so that cleanup stops make, runserver and its reloader child.
set -m
env -u DATABASE_URL BARNRATT_SQLITE_PATH="$work/db.sqlite3" \
  make run VENV="$work/venv" PORT="$port" >"$work/run.log" 2>&1 &
server=$!
set +m

for _ in $(seq 1 240); do
  if python3 -c 'import sys, urllib.request as u; sys.stdout.buffer.write(u.urlopen(u.Request(sys.argv[1], headers={"Accept-Language": "sv"}), timeout=10).read())' \
    "http://127.0.0.1:$port/" >"$work/page.html" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$server" 2>/dev/null; then
    echo "make run stopped before it served a page:" >&2
    tail -30 "$work/run.log" >&2
    exit 1
  fi
  sleep 1
done
if [ ! -s "$work/page.html" ]; then
  echo "make run served nothing on port $port within four minutes:" >&2
  tail -30 "$work/run.log" >&2
  exit 1
fi
grep -q '<html lang="sv"' "$work/page.html" || { echo "The start page is not in Swedish." >&2; exit 1; }
grep -q 'Logga in' "$work/page.html" || { echo "The start page lacks its Swedish sign-in link." >&2; exit 1; }
"$work/venv/bin/pip" --version | grep -q '^pip 26\.3 ' || { echo "The venv did not get the pinned pip." >&2; exit 1; }
echo "make run served the Swedish start page from a brand-new virtual environment."
