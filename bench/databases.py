"""The fresh database each scale is measured on.

SQLite: the file bench/bench-<scale>.sqlite3, handed to Django through BARNRATT_SQLITE_PATH.
PostgreSQL (when DATABASE_URL is set): a separate database <dbname>_bench on the same server,
created with psycopg and dropped at the end, so the role needs CREATEDB.
"""

import contextlib
import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.common import BENCH_DIR, BenchError


class SqliteDatabase:
    label = "SQLite"

    def path(self, scale: float) -> Path:
        return BENCH_DIR / f"bench-{scale:g}.sqlite3"

    def env(self, scale: float) -> dict:
        return {"BARNRATT_SQLITE_PATH": str(self.path(scale))}

    def create(self, scale: float) -> None:
        path = self.path(scale)
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{path}{suffix}").unlink()

    def drop(self, scale: float) -> None:
        """The file stays for inspection (gitignored; `make clean` removes it)."""

    def close(self) -> None:
        pass


class PostgresDatabase:
    """A separate database <dbname>_bench on the server of DATABASE_URL, dropped afterwards."""

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
        self.name = f"{name}_bench"
        self.admin_url = urlunsplit(parts._replace(scheme="postgresql"))
        self.bench_url = urlunsplit(parts._replace(path=f"/{self.name}"))
        self.created = False

    def env(self, scale: float) -> dict:
        return {"DATABASE_URL": self.bench_url}

    def _execute(self, *statements) -> None:
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.admin_url, autocommit=True, connect_timeout=10) as connection:
            for statement in statements:
                connection.execute(sql.SQL(statement).format(sql.Identifier(self.name)))

    def create(self, scale: float) -> None:
        self._drop()
        self._execute("CREATE DATABASE {}")
        self.created = True

    def _drop(self) -> None:
        try:
            self._execute("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        except Exception:  # servers before PostgreSQL 13 have no FORCE
            self._execute("DROP DATABASE IF EXISTS {}")

    def drop(self, scale: float) -> None:
        pass  # the next scale recreates it; close() drops it at the end

    def close(self) -> None:
        if self.created:
            self._drop()
            self.created = False


def database_for_environment():
    url = os.environ.get("DATABASE_URL")
    return PostgresDatabase(url) if url else SqliteDatabase()
