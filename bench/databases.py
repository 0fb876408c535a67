"""The fresh database each scale is measured on, and the generated datasets kept for reuse.

SQLite: the file bench/bench-<scale>.sqlite3, handed to Django through BARNRATT_SQLITE_PATH.
PostgreSQL (when DATABASE_URL is set): a separate database <dbname>_bench on the same server,
created with psycopg and dropped at the end, so the role needs CREATEDB.

Generating the national dataset takes minutes, so `bench.run` keeps each generated dataset
(migrated, generated, on PostgreSQL analysed) under a name that carries its `dataset_version`:
bench/datasets/bench-<scale>-<version>.sqlite3, or the database <dbname>_bench_<scale>_<version>.
A later run whose version matches copies it into the measured database instead of generating
(SQLite's backup API; PostgreSQL's CREATE DATABASE ... TEMPLATE, a file copy), so the runs never
change the kept one. A new version replaces the older datasets of its scale.
"""

import contextlib
import hashlib
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.common import BENCH_DIR, ROOT, BenchError

KEPT_DIR = BENCH_DIR / "datasets"
# The modules whose code decides what the dataset holds (bench.dataset and what it runs).
GENERATOR_MODULES = (
    "dataset",
    "plan",
    "cases",
    "case_writer",
    "case_showcase",
    "case_texts",
    "participation",
    "participation_writer",
    "planning_data",
    "indicators",
    "training_budget",
    "report_data",
    "comparisons",
    "inventory",
)


def dataset_version(today=None) -> str:
    """12 hex digits that change when the dataset would: the generators' code, any migration
    (the schema and the reference data it loads) or the day (cases and consultations are dated
    relative to today). Code outside these that shapes the data (the summary generator, the
    screening) is not covered: `--fresh` regenerates after such a change."""
    digest = hashlib.sha256()
    today = today or datetime.now(UTC).date()
    digest.update(today.isoformat().encode())
    sources = [(f"bench/{name}.py", BENCH_DIR / f"{name}.py") for name in GENERATOR_MODULES]
    migrations = sorted(ROOT.glob("*/migrations/*.py"))
    sources += [(str(path.relative_to(ROOT)), path) for path in migrations]
    for label, path in sources:
        digest.update(label.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def scale_tag(scale: float) -> str:
    return f"{scale:g}".replace(".", "_")


class SqliteDatabase:
    label = "SQLite"

    def path(self, scale: float) -> Path:
        return BENCH_DIR / f"bench-{scale:g}.sqlite3"

    def kept_path(self, scale: float, version: str) -> Path:
        return KEPT_DIR / f"bench-{scale_tag(scale)}-{version}.sqlite3"

    def env(self, scale: float) -> dict:
        return {"BARNRATT_SQLITE_PATH": str(self.path(scale))}

    def partial_path(self, scale: float, version: str) -> Path:
        return self.kept_path(scale, version).with_suffix(".partial")

    def kept_env(self, scale: float, version: str) -> dict:
        """Where a kept dataset is generated: under a name no run reuses until `finish_kept`."""
        return {"BARNRATT_SQLITE_PATH": str(self.partial_path(scale, version))}

    def create(self, scale: float) -> None:
        _remove(self.path(scale))

    def has_kept(self, scale: float, version: str) -> bool:
        return self.kept_path(scale, version).exists()

    def create_kept(self, scale: float, version: str) -> None:
        """An empty file for a new kept dataset; the older ones of the scale go."""
        KEPT_DIR.mkdir(exist_ok=True)
        for pattern in ("*.sqlite3", "*.partial"):
            for old in KEPT_DIR.glob(f"bench-{scale_tag(scale)}-{pattern}"):
                _remove(old)

    def finish_kept(self, scale: float, version: str) -> None:
        """The generated dataset, complete, under its kept name (its log folded in first)."""
        partial = self.partial_path(scale, version)
        connection = sqlite3.connect(partial)
        try:
            connection.execute("PRAGMA journal_mode=DELETE")
        finally:
            connection.close()
        partial.rename(self.kept_path(scale, version))

    def copy_kept(self, scale: float, version: str) -> None:
        """The measured database as a copy of the kept one (SQLite's online backup API)."""
        self.create(scale)
        source = sqlite3.connect(self.kept_path(scale, version))
        target = sqlite3.connect(self.path(scale))
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()

    def drop_kept(self) -> list:
        dropped = sorted([*KEPT_DIR.glob("bench-*.sqlite3"), *KEPT_DIR.glob("bench-*.partial")])
        for path in dropped:
            _remove(path)
        return [path.name for path in dropped]

    def drop(self, scale: float) -> None:
        """The file stays for inspection (gitignored; `make clean` removes it)."""

    def close(self) -> None:
        pass


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


class PostgresDatabase:
    """A separate database <dbname>_bench on the server of DATABASE_URL, dropped afterwards;
    the kept datasets are <dbname>_bench_<scale>_<version> on the same server."""

    label = "PostgreSQL"

    def __init__(self, url: str):
        parts = urlsplit(url)
        if parts.scheme not in {"postgres", "postgresql", "pgsql", "postgis"}:
            raise BenchError(
                f"DATABASE_URL must be a PostgreSQL URL for the bench, not {parts.scheme}:"
            )
        name = parts.path.lstrip("/")
        if not name:
            raise BenchError("DATABASE_URL names no database")
        self.parts = parts
        self.name = f"{name}_bench"
        self.admin_url = urlunsplit(parts._replace(scheme="postgresql"))
        self.bench_url = self.url_of(self.name)
        self.created = False

    def url_of(self, name: str) -> str:
        return urlunsplit(self.parts._replace(path=f"/{name}"))

    def kept_name(self, scale: float, version: str) -> str:
        return f"{self.name}_{scale_tag(scale)}_{version}"

    def env(self, scale: float) -> dict:
        return {"DATABASE_URL": self.bench_url}

    def kept_env(self, scale: float, version: str) -> dict:
        """Where a kept dataset is generated: under a name no run reuses until `finish_kept`."""
        return {"DATABASE_URL": self.url_of(f"{self.kept_name(scale, version)}_partial")}

    def _execute(self, statement: str, *names: str) -> list:
        """`statement` with {} filled in by the quoted `names`; the rows it returns, if any."""
        import psycopg
        from psycopg import sql

        query = sql.SQL(statement).format(*(sql.Identifier(name) for name in names))
        with psycopg.connect(self.admin_url, autocommit=True, connect_timeout=10) as connection:
            cursor = connection.execute(query)
            return cursor.fetchall() if cursor.description else []

    def create(self, scale: float) -> None:
        self._drop(self.name)
        self._execute("CREATE DATABASE {}", self.name)
        self.created = True

    def _drop(self, name: str) -> None:
        try:
            self._execute("DROP DATABASE IF EXISTS {} WITH (FORCE)", name)
        except Exception:  # servers before PostgreSQL 13 have no FORCE
            self._execute("DROP DATABASE IF EXISTS {}", name)

    def _kept(self, prefix: str) -> list:
        rows = self._execute("SELECT datname FROM pg_database ORDER BY datname")
        return [name for (name,) in rows if name.startswith(prefix)]

    def has_kept(self, scale: float, version: str) -> bool:
        return self.kept_name(scale, version) in self._kept(self.name)

    def create_kept(self, scale: float, version: str) -> None:
        for old in self._kept(f"{self.name}_{scale_tag(scale)}_"):
            self._drop(old)
        self._execute("CREATE DATABASE {}", f"{self.kept_name(scale, version)}_partial")

    def finish_kept(self, scale: float, version: str) -> None:
        """The generated dataset, complete, under its kept name."""
        name = self.kept_name(scale, version)
        self._execute("ALTER DATABASE {} RENAME TO {}", f"{name}_partial", name)

    def copy_kept(self, scale: float, version: str) -> None:
        """The measured database as a copy of the kept one: CREATE DATABASE ... TEMPLATE
        copies its files, planner statistics included (no connection to it may be open)."""
        self._drop(self.name)
        self._execute("CREATE DATABASE {} TEMPLATE {}", self.name, self.kept_name(scale, version))
        self.created = True

    def drop_kept(self) -> list:
        dropped = self._kept(f"{self.name}_")
        for name in dropped:
            self._drop(name)
        return dropped

    def drop(self, scale: float) -> None:
        pass  # the next scale recreates it; close() drops it at the end

    def close(self) -> None:
        if self.created:
            self._drop(self.name)
            self.created = False


def database_for_environment():
    url = os.environ.get("DATABASE_URL")
    return PostgresDatabase(url) if url else SqliteDatabase()
