"""bench.run keeps each generated dataset under its version and copies it for later runs
(bench.databases); the options that steer it."""

import sqlite3
from datetime import date

import pytest

from bench import databases
from bench.common import BenchError
from bench.databases import PostgresDatabase, SqliteDatabase, dataset_version
from bench.run import parse_args


def test_the_version_changes_with_the_day_and_with_the_generators_code(tmp_path, monkeypatch):
    day = date(2026, 12, 7)
    assert dataset_version(day) == dataset_version(day)
    assert dataset_version(day) != dataset_version(date(2026, 12, 8))

    copy = tmp_path / "bench"
    copy.mkdir()
    for name in databases.GENERATOR_MODULES:
        (copy / f"{name}.py").write_bytes((databases.BENCH_DIR / f"{name}.py").read_bytes())
    monkeypatch.setattr(databases, "BENCH_DIR", copy)
    before = dataset_version(day)
    with (copy / "training_budget.py").open("a") as module:
        module.write("\n# one more line\n")
    assert dataset_version(day) != before


def make_sqlite(path, value: str) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE marker (value TEXT)")
        connection.execute("INSERT INTO marker VALUES (?)", (value,))
    connection.close()


def read_sqlite(path) -> list:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT value FROM marker")]
    finally:
        connection.close()


@pytest.fixture
def sqlite(tmp_path, monkeypatch):
    monkeypatch.setattr(databases, "BENCH_DIR", tmp_path)
    monkeypatch.setattr(databases, "KEPT_DIR", tmp_path / "datasets")
    return SqliteDatabase()


def test_sqlite_copies_the_kept_dataset_and_the_run_leaves_it_unchanged(sqlite):
    assert not sqlite.has_kept(1.0, "v1")
    sqlite.create_kept(1.0, "v1")
    generated_into = sqlite.kept_env(1.0, "v1")["BARNRATT_SQLITE_PATH"]
    make_sqlite(generated_into, "generated")
    # A generation that did not finish is never reused.
    assert not sqlite.has_kept(1.0, "v1")
    sqlite.finish_kept(1.0, "v1")
    assert sqlite.has_kept(1.0, "v1")

    sqlite.copy_kept(1.0, "v1")
    measured = sqlite.path(1.0)
    assert read_sqlite(measured) == ["generated"]
    with sqlite3.connect(measured) as connection:
        connection.execute("INSERT INTO marker VALUES ('written by the run')")
    connection.close()
    assert read_sqlite(sqlite.kept_path(1.0, "v1")) == ["generated"]


def test_a_new_version_replaces_the_older_ones_of_its_scale_only(sqlite):
    for scale, version in ((1.0, "old"), (0.1, "old")):
        sqlite.create_kept(scale, version)
        make_sqlite(sqlite.kept_env(scale, version)["BARNRATT_SQLITE_PATH"], version)
        sqlite.finish_kept(scale, version)
    sqlite.create_kept(1.0, "new")
    assert not sqlite.has_kept(1.0, "old")
    assert sqlite.has_kept(0.1, "old")
    assert sqlite.drop_kept() == ["bench-0_1-old.sqlite3"]
    assert not sqlite.has_kept(0.1, "old")


def test_postgres_kept_datasets_are_databases_named_by_scale_and_version():
    database = PostgresDatabase("postgres://bench:secret@127.0.0.1:5432/barnratt")
    assert database.name == "barnratt_bench"
    assert database.kept_name(0.1, "abc123") == "barnratt_bench_0_1_abc123"
    # Generated under another name, renamed to this one when complete.
    assert database.kept_env(1.0, "abc123") == {
        "DATABASE_URL": "postgres://bench:secret@127.0.0.1:5432/barnratt_bench_1_abc123_partial"
    }
    assert database.env(1.0) == {
        "DATABASE_URL": "postgres://bench:secret@127.0.0.1:5432/barnratt_bench"
    }
    with pytest.raises(BenchError, match="PostgreSQL URL"):
        PostgresDatabase("sqlite:////tmp/x.sqlite3")


def test_datasets_are_kept_and_two_nodes_run_unless_told_otherwise():
    args = parse_args([])
    assert (args.keep, args.fresh, args.two_nodes, args.datasets_only) == (
        True,
        False,
        True,
        False,
    )
    args = parse_args(["--no-keep", "--no-two-nodes", "--two-nodes-workers", "2"])
    assert (args.keep, args.two_nodes, args.two_nodes_workers) == (False, False, 2)
    with pytest.raises(SystemExit):
        parse_args(["--datasets-only", "--no-keep"])
