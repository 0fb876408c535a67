"""Schemathesis against the API on a live server (issue 23): every phase, stateful included
(links inferred from the schema: PUT a case, then read it and its assessment by the id it
answered), with every default check, and zero failures. The allowances are in
tests/schemathesis.toml, each with its reason.

Run as the CLI in a subprocess against pytest-django's live server, because schemathesis'
pytest plugin does not support pytest 9. Marked `live_server`: the live server's database is
flushed after the test, so it runs apart from the rest (Makefile `test`), like the browser tests.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from api import services as token_services
from api.throttling import TokenRateThrottle
from assessments.demo import load_shipped_templates
from convention import reference as convention_reference
from publichealth import reference as publichealth_reference

CONFIG = Path(__file__).with_name("schemathesis.toml")
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


@pytest.fixture
def reference_data(transactional_db):
    # A live-server test before this one in the same process flushed the data migrations' rows.
    convention_reference.load_demo()
    publichealth_reference.load_demo()
    load_shipped_templates()


@pytest.mark.live_server
def test_schemathesis_finds_nothing_in_any_phase(
    reference_data, live_server, monkeypatch, karlskoga, social_committee, submitted_assessment
):
    # The live server runs in this process: the token's rate is raised for the run.
    monkeypatch.setattr(TokenRateThrottle, "THROTTLE_RATES", {"token": "100000/min"})
    _token, key = token_services.create_token(karlskoga, by=None, name="Schemathesis")
    result = subprocess.run(
        [
            str(SCHEMATHESIS),
            "--config-file",
            str(CONFIG),
            "run",
            f"{live_server.url}/api/v1/schema/",
            "--header",
            f"Authorization: Token {key}",
            "--phases",
            "examples,coverage,fuzzing,stateful",
            "--max-examples",
            "30",
            "--workers",
            "1",
            "--no-color",
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    report = result.stdout[-6000:] + result.stderr[-2000:]
    assert result.returncode == 0, report
    assert "Stateful" in result.stdout and "❌" not in result.stdout, report
