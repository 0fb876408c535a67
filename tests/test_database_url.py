"""DATABASE_URL names either database: PostgreSQL gets its options, SQLite its own.

The settings are read in a separate process (as a server starts), so the test sees exactly what
`barnratt.settings` builds from the environment.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = (
    "import json, sys; import barnratt.settings as s; "
    "json.dump(s.DATABASES['default'], sys.stdout, default=str)"
)


def database_settings(**environ):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "BARNRATT_", "DATABASE_URL"))
    } | environ
    output = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    return json.loads(output)


def test_sqlite_url_gets_sqlite_options_and_no_postgres_ones(tmp_path):
    path = tmp_path / "other.sqlite3"
    database = database_settings(DATABASE_URL=f"sqlite:///{path}")
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(path)
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
    assert "prepare_threshold" not in database["OPTIONS"]


def test_sqlite_url_serves_a_migrated_database(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "BARNRATT_", "DATABASE_URL"))
    } | {"DATABASE_URL": f"sqlite:///{tmp_path / 'served.sqlite3'}"}
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "served.sqlite3").stat().st_size > 0


def test_postgres_url_gets_postgres_options():
    database = database_settings(DATABASE_URL="postgres://user:secret@db.example:5433/barnratt")
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["HOST"] == "db.example"
    assert database["PORT"] == 5433
    assert database["NAME"] == "barnratt"
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is False


def test_prepared_statements_are_a_documented_option_and_off_by_default():
    url = "postgres://user:secret@db.example:5433/barnratt"
    assert "server_side_binding" not in database_settings(DATABASE_URL=url).get("OPTIONS", {})
    options = database_settings(DATABASE_URL=url, BARNRATT_DB_PREPARE="1")["OPTIONS"]
    assert options["server_side_binding"] is True
    assert options["prepare_threshold"] == 5


@pytest.mark.parametrize("url", ["", None])
def test_no_url_means_the_default_sqlite_file(url):
    environ = {} if url is None else {"DATABASE_URL": url}
    database = database_settings(**environ)
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"].endswith("db.sqlite3")
