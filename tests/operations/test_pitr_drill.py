"""The point-in-time-recovery drill of the operations guide, run on a throw-away cluster.

It uses scripts/pitr.sh, the same commands docs/operations.md tells the IT department to run: a
cluster archiving its write-ahead log, a base backup, rows written, a named restore point, more
rows written, then a restore to that point. The rows from before the point must be back, the
rows from after it must not. PostgreSQL only (the suite's PostgreSQL run in CI); the cluster
lives in a temporary directory on a Unix socket of its own and is stopped and removed even when
the test fails.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

PG_BIN = Path(os.environ.get("BARNRATT_PG_BIN", "/usr/lib/postgresql/15/bin"))
SCRIPT = Path(settings.BASE_DIR) / "scripts" / "pitr.sh"
AS_ROOT = os.geteuid() == 0

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="point-in-time recovery is PostgreSQL's"
    ),
    pytest.mark.skipif(
        not (PG_BIN / "initdb").exists(), reason=f"no PostgreSQL server programs in {PG_BIN}"
    ),
    pytest.mark.skipif(
        AS_ROOT and shutil.which("runuser") is None,
        reason="running as root without runuser to run PostgreSQL as postgres",
    ),
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Drill:
    """A throw-away directory with clusters in it, run as postgres when the tests run as root."""

    def __init__(self, root):
        self.root = root
        self.port = str(free_port())
        self.env = {
            **os.environ,
            "PG_BIN": str(PG_BIN),
            "PGHOST": str(root),  # the Unix socket lives here; no TCP at all
            "PGPORT": self.port,
            "PGUSER": "postgres",
            "PGDATABASE": "postgres",
        }
        self.running = []
        self.script = root / "pitr.sh"

    def run(self, *args):
        command = [str(arg) for arg in args]
        if AS_ROOT:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(
            command, env=self.env, capture_output=True, text=True, timeout=60, check=False
        )
        assert done.returncode == 0, f"{' '.join(command)}\n{done.stdout}\n{done.stderr}"
        return done.stdout

    def sql(self, statement):
        return self.run(PG_BIN / "psql", "-X", "-qAt", "-v", "ON_ERROR_STOP=1", "-c", statement)

    def start(self, data):
        options = f"-p {self.port} -k {self.root} -c listen_addresses=''"
        self.run(PG_BIN / "pg_ctl", "-D", data, "-l", self.root / "server.log", "-o", options,
                 "-w", "-t", "30", "start")  # fmt: skip
        self.running.append(data)

    def stop(self, data):
        self.run(PG_BIN / "pg_ctl", "-D", data, "-m", "fast", "-w", "stop")
        self.running.remove(data)

    def stop_all(self):
        for data in list(self.running):
            command = [str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
            if AS_ROOT:
                command = ["runuser", "-u", "postgres", "--", *command]
            subprocess.run(command, env=self.env, capture_output=True, timeout=60, check=False)
            self.running.remove(data)


@pytest.fixture
def drill():
    # Directly under /tmp: a Unix socket path must stay short.
    root = Path(tempfile.mkdtemp(prefix="barnratt-pitr-"))
    if AS_ROOT:
        shutil.chown(root, "postgres", "postgres")
    root.chmod(0o700)
    # A copy the postgres user can read wherever the checkout is (CI may clone under /root).
    shutil.copy(SCRIPT, root / "pitr.sh")
    if AS_ROOT:
        shutil.chown(root / "pitr.sh", "postgres", "postgres")
    drill = Drill(root)
    try:
        yield drill
    finally:
        drill.stop_all()
        shutil.rmtree(root, ignore_errors=True)


def wait_until_archived(drill, segment):
    for _ in range(300):
        if (drill.root / "wal" / segment).exists():
            return
        time.sleep(0.1)
    pytest.fail(f"{segment} never reached the archive:\n{(drill.root / 'server.log').read_text()}")


ROWS_A = ["beslut före", "bedömning före"]
ROWS_B = ["beslut efter misstaget"]


def test_recovery_to_a_named_restore_point_brings_back_what_was_before_it(drill):
    primary, restored = drill.root / "primary", drill.root / "restored"
    archive, base = drill.root / "wal", drill.root / "base"
    drill.run("mkdir", archive)

    # 1. A cluster that archives its write-ahead log, configured by the documented lines.
    drill.run(PG_BIN / "initdb", "-D", primary, "-A", "trust", "-U", "postgres", "--no-sync")
    settings_lines = drill.run("bash", drill.script, "archive-settings", archive)
    assert "archive_mode = on" in settings_lines
    drill.run("bash", "-c", f'printf "%s" "$0" >> {primary}/postgresql.conf', settings_lines)
    drill.start(primary)
    drill.sql(
        "CREATE TABLE decision (id serial PRIMARY KEY, title text NOT NULL,"
        " decided_at timestamptz NOT NULL DEFAULT now())"
    )

    # 2. The base backup.
    assert "Base backup written" in drill.run("bash", drill.script, "base-backup", base)
    assert (base / "base.tar.gz").exists()

    # Rows A, the restore point, then rows B: the mistake to undo.
    for title in ROWS_A:
        drill.sql(f"INSERT INTO decision (title) VALUES ('{title}')")
    drill.run("bash", drill.script, "restore-point", "before-the-mistake")
    for title in ROWS_B:
        drill.sql(f"INSERT INTO decision (title) VALUES ('{title}')")
    # Rows B reach the archive too, so that only the restore target keeps them out.
    segment = drill.sql("SELECT pg_walfile_name(pg_switch_wal())").strip()
    wait_until_archived(drill, segment)
    drill.stop(primary)

    # 3. Restore into a new data directory, replaying the log up to the restore point.
    out = drill.run(
        "bash", drill.script, "restore", base, archive, restored, "--name", "before-the-mistake",
        "--promote",
    )  # fmt: skip
    assert "Ready to recover" in out and (restored / "recovery.signal").exists()
    drill.start(restored)
    for _ in range(300):
        if drill.sql("SELECT pg_is_in_recovery()").strip() == "f":
            break
        time.sleep(0.1)
    else:
        pytest.fail("the restored cluster never left recovery")

    titles = drill.sql("SELECT title FROM decision ORDER BY id").splitlines()
    assert titles == ROWS_A
    log = (drill.root / "server.log").read_text()
    assert 'recovery stopping at restore point "before-the-mistake"' in log
    # Promoted: a new timeline that takes writes again.
    assert "selected new timeline ID: 2" in log
    drill.sql("INSERT INTO decision (title) VALUES ('efter återställningen')")
