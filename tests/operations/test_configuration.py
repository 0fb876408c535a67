"""Configuration an operator can trust: every variable settings.py reads is in the one table of
docs/operations.md, the environment file reads the same in a shell as in systemd, and what must
not reach production is refused there."""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.checks import run_checks

ROOT = Path(__file__).resolve().parents[2]
READERS = {"get", "getenv", "env_bool", "env_list"}


def variables_read_by_settings() -> set[str]:
    tree = ast.parse((ROOT / "barnratt" / "settings.py").read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name in READERS and node.args and isinstance(node.args[0], ast.Constant):
                found.add(node.args[0].value)
        elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
            found.add(node.slice.value)
    return found


def configuration_table() -> list[str]:
    """The rows of the table under "## Configuration", up to its first non-table line."""
    text = (ROOT / "docs" / "operations.md").read_text()
    section = text.split("\n## Configuration\n", 1)[1]
    lines = section[section.index("\n|") + 1 :].splitlines()
    rows = []
    for line in lines:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def test_every_variable_settings_reads_is_in_the_configuration_table():
    read = variables_read_by_settings()
    assert {"DJANGO_DEBUG", "BARNRATT_BENCHMARK", "KOLADA_RETRIES"} <= read  # the parser works
    documented = set()
    for row in configuration_table()[2:]:
        first_cell = row.split("|")[1]
        documented |= set(re.findall(r"`([A-Z][A-Z0-9_]+)`", first_cell))
    assert sorted(read - documented) == [], "read by settings.py but not in the table"
    assert sorted(documented - read) == [], "in the table but not read by settings.py"


def test_the_environment_file_reads_the_same_in_a_shell_as_in_systemd(tmp_path):
    # systemd's EnvironmentFile= takes NAME=value lines, strips the quotes of a quoted value and
    # expands nothing; `set -a; . file` in scripts/manage.sh gives the same for such a file.
    env_file = tmp_path / "barnratt.env"
    env_file.write_text(
        "# Barnrätt\n"
        'BARNRATT_EMAIL_FROM="Barnrätt Karlskoga <barnratt@karlskoga.example>"\n'
        "DJANGO_SECRET_KEY='dollar$signs-and spaces'\n"
        "BARNRATT_LOG_FORMAT=text\n"
    )
    environment = {
        "PATH": os.environ["PATH"],
        "BARNRATT_ENV_FILE": str(env_file),
        "BARNRATT_PYTHON": sys.executable,
    }
    code = (
        "from django.conf import settings; "
        "print(settings.DEFAULT_FROM_EMAIL, settings.SECRET_KEY, settings.LOG_FORMAT, sep='|')"
    )
    result = subprocess.run(
        [str(ROOT / "scripts" / "manage.sh"), "shell", "-c", code],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.splitlines()[-1] == (
        "Barnrätt Karlskoga <barnratt@karlskoga.example>|dollar$signs-and spaces|text"
    )


def production_settings(**extra):
    environment = {
        "PATH": os.environ["PATH"],
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_SETTINGS_MODULE": "barnratt.settings",
    } | extra
    return subprocess.run(
        [sys.executable, "-c", "import barnratt.settings"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_the_benchmark_switch_is_refused_in_production():
    assert production_settings().returncode == 0
    refused = production_settings(BARNRATT_BENCHMARK="1")
    assert refused.returncode != 0 and "BARNRATT_BENCHMARK" in refused.stderr


def test_production_requires_an_accessibility_contact(settings):
    settings.PRODUCTION = True
    settings.ACCESSIBILITY_CONTACT_EMAIL = "tillganglighet@barnratt.invalid"
    assert "barnratt.E001" in [message.id for message in run_checks()]
    settings.ACCESSIBILITY_CONTACT_EMAIL = "tillganglighet@karlskoga.se"
    assert "barnratt.E001" not in [message.id for message in run_checks()]


def test_development_needs_no_accessibility_contact():
    assert not settings.PRODUCTION
    assert "barnratt.E001" not in [message.id for message in run_checks()]
