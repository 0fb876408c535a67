"""The SQLite run in CI covers every piece of database-specific app code.

CI runs the whole suite on PostgreSQL and only the `both_databases` tests on SQLite. This fails
when app code gains its own SQL or a branch on the database vendor without a test module named
for it in `tests.conftest.DATABASE_SPECIFIC`, and when a named module is gone or empty.
"""

import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import BOTH_DATABASES_PATHS, DATABASE_SPECIFIC

ROOT = Path(__file__).resolve().parent.parent
APPS_SKIPPED = {"tests", "bench", "scripts", "docs", "locale", "static", "templates", ".venv"}
# What makes code behave differently on the two databases.
VENDOR_SPECIFIC = re.compile(
    r"connection\.vendor|\.vendor ==|\.raw\(|\.cursor\(\)|RawSQL\(|\.extra\(|contrib\.postgres"
)


def app_files():
    for path in sorted(ROOT.glob("*/**/*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in APPS_SKIPPED or "migrations" in relative.parts:
            continue
        yield relative.as_posix(), path.read_text(encoding="utf-8")


def test_every_database_specific_module_has_tests_on_both_databases():
    specific = {name for name, text in app_files() if VENDOR_SPECIFIC.search(text)}
    unlisted = specific - set(DATABASE_SPECIFIC)
    assert not unlisted, f"Name tests for these in tests/conftest.py DATABASE_SPECIFIC: {unlisted}"


def test_no_listed_module_is_stale():
    listed = {name for name in DATABASE_SPECIFIC if not name.startswith("*")}
    gone = {name for name in listed if not (ROOT / name).exists()}
    assert not gone


def test_every_listed_test_module_exists_and_has_tests():
    for paths in DATABASE_SPECIFIC.values():
        for path in paths:
            text = (ROOT / path).read_text(encoding="utf-8")
            assert re.search(r"^def test_", text, re.MULTILINE), path


def test_the_marker_selects_the_listed_modules_and_the_browser_tests():
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-m", "both_databases"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout
    files = {line.split("::")[0] for line in collected.splitlines() if "::" in line}
    assert files >= BOTH_DATABASES_PATHS
    assert any(name.startswith("tests/browser/") for name in files)
    assert "tests/test_url_access.py" not in files
