"""Backups of the database and the uploaded files, and their restore (docs/operations.md).

A backup is one .tar.gz, readable by its owner only (0600): the database (SQLite through its
online backup API, PostgreSQL with `pg_dump --format=custom`) without the sessions (the
children's daily salt is never in the database: participation/abuse.py), every uploaded file
in Django's default storage (MEDIA_ROOT, or the S3 bucket with BARNRATT_STORAGE=s3: read and
written through the storage API, so every backend is backed up alike), and a manifest with
the applied migrations, the row count of every table and the SHA-256 of every file. Restore
refuses a database that holds data unless told otherwise, and a backup of another schema
version unless told to migrate it; it puts both back and checks the result against the
manifest: a backup that cannot be shown to be whole is not reported as restored.
"""

import hashlib
import io
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from organisations.models import Organisation

FORMAT = 2
# Kept out of every backup (their tables stay, empty): live sessions would let whoever holds
# the archive act as a signed-in person.
EXCLUDED_MODELS = ("sessions.session",)
MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.dump"
MEDIA_DIR = "media"


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class Verified:
    tables: int
    rows: int
    files: int
    migrated: int = 0


def excluded_tables() -> list[str]:
    tables = []
    for label in EXCLUDED_MODELS:
        try:
            tables.append(apps.get_model(label)._meta.db_table)
        except LookupError:  # the model is gone (or its app is not installed)
            continue
    return tables


def applied_migrations() -> list[str]:
    return sorted(
        f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
    )


def code_migrations() -> set[str]:
    """Every migration this code has: a database at this schema version has applied them all."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.graph.nodes)
    for squashed in loader.replacements.values():
        known.update(squashed.replaces)  # recorded as applied before the squash
    return {f"{app}.{name}" for app, name in known}


def backup_to(directory: Path) -> Path:
    """Write a backup archive into `directory` and return its path."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = directory / f"barnratt-backup-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        database_file = _dump_database(work)
        files = _fetch_files(work / MEDIA_DIR)
        excluded = excluded_tables()
        manifest = {
            "format": FORMAT,
            "created_at": datetime.now(UTC).isoformat(),
            "database": connection.vendor,
            "migrations": applied_migrations(),
            "excluded_tables": excluded,
            "counts": {
                table: count for table, count in row_counts().items() if table not in excluded
            },
            "files": files,
        }
        # Created 0600 before a byte is written: the archive holds personal data.
        handle = os.fdopen(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")
        with handle, tarfile.open(fileobj=handle, mode="w:gz") as archive:
            _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=1).encode())
            archive.add(database_file, arcname=database_file.name)
            for entry in files:
                archive.add(
                    work / MEDIA_DIR / entry["path"], arcname=f"{MEDIA_DIR}/{entry['path']}"
                )
    return target


def restore_from(
    archive_path: Path, *, force: bool = False, migrate: bool = False, media_only: bool = False
) -> Verified:
    """Restore the database and files of an archive, then verify them against its manifest.

    With `media_only`, only the uploaded files (after a point-in-time recovery of the database).
    With `migrate`, a backup of an older schema version is migrated after it is verified.
    """
    if not media_only and not force and _holds_data():
        raise BackupError(
            "The database holds data. Restore into an empty database, or use --force."
        )
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive_path, "r:gz") as archive:
        work = Path(work)
        # The "data" filter refuses absolute paths, links out of the folder and devices.
        archive.extractall(work, filter="data")
        manifest = json.loads((work / MANIFEST).read_text())
        if manifest.get("format") not in (1, FORMAT):
            raise BackupError(f"Unknown backup format: {manifest.get('format')!r}")
        if media_only:
            _restore_files(work / MEDIA_DIR)
            return Verified(0, 0, _verify_files(manifest))
        if manifest["database"] != connection.vendor:
            raise BackupError(
                f"The backup is of a {manifest['database']} database, this is {connection.vendor}."
            )
        _check_schema(manifest, migrate=migrate)
        _load_database(work, manifest)
        _restore_files(work / MEDIA_DIR)
        verified = verify(manifest)
    plan = _migration_plan() if migrate else []
    if plan:
        call_command("migrate", interactive=False, verbosity=0)
    return Verified(verified.tables, verified.rows, verified.files, migrated=len(plan))


def _migration_plan() -> list:
    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def _check_schema(manifest: dict, *, migrate: bool) -> None:
    """Refuses a backup of another schema version, unless it is older and `migrate` is given."""
    ours = code_migrations()
    apps_here = {key.split(".")[0] for key in ours}
    if "migrations" not in manifest:
        if not migrate:
            raise BackupError(
                "The backup does not record its schema version (made before the manifest did). "
                "Restore it with the release that made it, or use --migrate."
            )
        return
    theirs = {key for key in manifest["migrations"] if key.split(".")[0] in apps_here}
    newer = sorted(theirs - ours)
    if newer:
        raise BackupError(
            f"The backup is of a newer schema version ({len(newer)} migrations this code does not "
            f"have, e.g. {newer[0]}): restore it with the release that made it."
        )
    missing = ours - theirs
    if missing and not migrate:
        raise BackupError(
            f"The backup is of an older schema version ({len(missing)} migrations behind, e.g. "
            f"{min(missing)}). Restore it with the release that made it, or use --migrate "
            "to migrate it after the restore."
        )


def verify(manifest: dict) -> Verified:
    # The backup's own tables: a backup of an older schema version lacks the newer ones.
    counts = row_counts(manifest["counts"])
    differing = {
        table: (expected, counts.get(table))
        for table, expected in manifest["counts"].items()
        if counts.get(table) != expected
    }
    if differing:
        raise BackupError(f"Row counts differ after restore: {differing}")
    files = _verify_files(manifest)
    return Verified(len(counts), sum(counts.values()), files)


def _verify_files(manifest: dict) -> int:
    for entry in manifest["files"]:
        name = entry["path"]
        if not default_storage.exists(name) or _stored_sha256(name) != entry["sha256"]:
            raise BackupError(f"File missing or changed after restore: {entry['path']}")
    return len(manifest["files"])


def row_counts(tables=None) -> dict[str, int]:
    """Rows per table of every installed model (and many-to-many table), or of `tables`."""
    if tables is None:
        tables = {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        } & set(connection.introspection.table_names())  # a not yet migrated model has none
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        counts = {}
        for table in sorted(tables):
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def _holds_data() -> bool:
    # Migrations fill reference data (articles, shipped templates); people and organisations
    # are what a restore must not overwrite by accident.
    from django.contrib.auth import get_user_model

    return get_user_model().objects.exists() or Organisation.objects.exists()


# --- The database -----------------------------------------------------------------------------


def _dump_database(work: Path) -> Path:
    if connection.vendor == "sqlite":
        target = work / SQLITE_FILE
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
            # Overwrites the deleted rows with zeros: they must not stay in the file's pages.
            copy.execute("PRAGMA secure_delete = ON")
            for table in excluded_tables():
                copy.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
        copy.close()
        return target
    if connection.vendor == "postgresql":
        target = work / PG_FILE
        name = connection.settings_dict["NAME"]
        skip = [f"--exclude-table-data={table}" for table in excluded_tables()]
        _pg(
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            *skip,
            f"--file={target}",
            name,
        )
        return target
    raise BackupError(f"No backup for {connection.vendor} databases.")


def _load_database(work: Path, manifest: dict) -> None:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(work / SQLITE_FILE) as source:
            source.backup(connection.connection)
        source.close()
        return
    _drop_every_table()
    connection.close()  # pg_restore drops and recreates the tables this connection may hold
    _pg(
        "pg_restore",
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        f"--dbname={connection.settings_dict['NAME']}",
        str(work / PG_FILE),
    )


def _drop_every_table() -> None:
    # `pg_restore --clean` drops only what the dump holds. What newer migrations added would stay
    # in its way: their tables, and their columns' foreign keys on the dump's tables (which keep
    # --clean from dropping the primary keys they point at). The dump holds every table, the
    # sessions' too (without rows), so the database is emptied first and restored whole.
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            cursor.execute(f"DROP TABLE IF EXISTS {quote(table)} CASCADE")


def _pg(program: str, *args: str) -> None:
    db = connection.settings_dict
    env = os.environ | {"PGPASSWORD": str(db.get("PASSWORD") or "")}
    command = [program, "--host", db.get("HOST") or "localhost"]
    command += ["--port", str(db.get("PORT") or 5432), "--username", db.get("USER") or "postgres"]
    result = subprocess.run([*command, *args], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip()[:2000]}")


# --- Files ------------------------------------------------------------------------------------


def _stored_names(directory: str = "") -> list[str]:
    """Every file in the default storage, by its storage name, sorted."""
    try:
        directories, files = default_storage.listdir(directory)
    except FileNotFoundError:  # the file system's MEDIA_ROOT before the first upload
        return []
    names = [f"{directory}{name}" for name in files]
    for name in directories:
        names.extend(_stored_names(f"{directory}{name}/"))
    return sorted(names)


def _fetch_files(target: Path) -> list[dict]:
    """Copy every stored file under `target`; their names, sizes and SHA-256."""
    entries = []
    for name in _stored_names():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with default_storage.open(name, "rb") as source, path.open("wb") as copy:
            for block in iter(lambda: source.read(1 << 20), b""):
                digest.update(block)
                copy.write(block)
        entries.append({"path": name, "size": path.stat().st_size, "sha256": digest.hexdigest()})
    return entries


def _restore_files(source: Path) -> None:
    """Put the archive's files back into the default storage under their own names."""
    if not source.is_dir():
        return
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(source).as_posix()
        # A file of the same name is replaced: saving beside it would give the copy another name.
        if default_storage.exists(name):
            default_storage.delete(name)
        with path.open("rb") as handle:
            saved = default_storage.save(name, File(handle, name=name))
        if saved != name:
            raise BackupError(f"The storage stored {name} as {saved}.")


def _stored_sha256(name: str) -> str:
    digest = hashlib.sha256()
    with default_storage.open(name, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now(UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))
