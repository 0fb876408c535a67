"""Gallring: responses older than the organisation's retention period are removed and logged."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import translation

from core.models import AuditEntry
from participation import services
from participation.models import Answer, Response

from .conftest import answer

TODAY = datetime.date.today()


@pytest.fixture
def aged(park, karlskoga, coordinator):
    services.save_settings(karlskoga, by=coordinator, retention_months=12)
    answer(park, 1, day=TODAY - datetime.timedelta(days=400), single=0, text="Gammalt")
    answer(park, 2, day=TODAY - datetime.timedelta(days=300), single=1)
    answer(park, 3, day=TODAY, single=2)
    return park


def run(*args) -> str:
    out = io.StringIO()
    with translation.override("en"):
        call_command("remove_old_responses", *args, stdout=out)
    return out.getvalue()


def test_removes_only_responses_older_than_the_retention_period(aged):
    output = run()
    kept = sorted(Response.objects.values_list("submission_key", flat=True))
    assert kept == ["key-2", "key-3"]
    assert not Answer.objects.filter(text="Gammalt").exists()
    assert f"Removed 1 responses from consultation {aged.pk} (Parken vid skolan)." in output


def test_removal_is_written_to_the_audit_log(aged):
    run()
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.DELETE, object_id=str(aged.pk)).get()
    assert entry.changes == {"responses": [1, None]}
    assert entry.organisation_id == aged.organisation_id
    assert entry.actor is None


def test_dry_run_only_reports(aged):
    output = run("--dry-run")
    assert Response.objects.count() == 3
    assert f"Would remove 1 responses from consultation {aged.pk}" in output
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.DELETE).exists()


def test_another_organisations_period_is_its_own(aged, degerfors, outsider):
    other = services.create_consultation(
        degerfors, by=outsider, title="Skolgården", introduction="Tyck till", age_bands=["6-12"]
    )
    services.add_question(
        other, by=outsider, kind="single", text="Gillar du?", options=["Ja", "Nej"]
    )
    services.open_consultation(other, by=outsider)
    question = other.questions.get()
    services.submit_response(
        other,
        submission_key="d1",
        age_band="6-12",
        answers={question.pk: 0},
        today=TODAY - datetime.timedelta(days=400),
    )
    run()
    # Degerfors keeps answers for the default 24 months.
    assert Response.objects.filter(consultation=other).count() == 1
    assert Response.objects.filter(consultation=aged).count() == 2


def test_nothing_to_remove_says_so(park):
    assert "0 responses in all" in run()
