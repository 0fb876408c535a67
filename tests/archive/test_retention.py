"""Retention rules remove exactly what they cover, log it, and never anything else."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from archive import services
from archive.models import RecordType, Removal, RetentionRule
from assessments import services as case_services
from assessments.models import Case
from core.dates import months_before
from core.models import AuditEntry
from youthforum.models import ForumMeeting

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# The decided_case fixture is decided on 2026-11-01; a 12-month rule makes it due after
# 2027-11-01.
DUE_DAY = datetime.date(2027, 11, 2)
NOT_YET = datetime.date(2027, 11, 1)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def rule_for(organisation, record_type=RecordType.DECIDED_CASES, months=12):
    return services.save_rule(
        organisation,
        by=None,
        record_type=record_type,
        keep_months=months,
        decision_reference="KS 2026/12 § 34",
        adopted_on=datetime.date(2026, 3, 1),
    )


def test_months_before_keeps_the_day_or_takes_the_months_last():
    assert months_before(datetime.date(2026, 5, 31), 3) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2024, 5, 31), 3) == datetime.date(2024, 2, 29)
    assert months_before(datetime.date(2026, 1, 15), 13) == datetime.date(2024, 12, 15)


def test_a_decided_case_is_removed_with_its_file_when_due(
    decided_case, case_officer, karlskoga, media, django_capture_on_commit_callbacks
):
    attachment = case_services.add_attachment(
        decided_case, by=case_officer, title="Bilaga", uploaded=SimpleUploadedFile("a.pdf", PDF)
    )
    stored = media / attachment.file.name
    assert stored.exists()
    rule = rule_for(karlskoga)
    assert services.apply_rule(rule, today=NOT_YET) == []
    with django_capture_on_commit_callbacks(execute=True):
        removed = services.apply_rule(rule, today=DUE_DAY)
    assert removed == [decided_case.pk]
    assert not stored.exists()
    assert not Case.objects.filter(pk=decided_case.pk).exists()
    removal = Removal.objects.get()
    assert removal.count == 1 and removal.record_ids == [decided_case.pk]
    assert removal.decision_reference == "KS 2026/12 § 34"
    entry = AuditEntry.objects.get(object_id=str(decided_case.pk), action="delete")
    assert "KS 2026/12 § 34" in entry.note


def test_what_no_rule_covers_stays(decided_case, degerfors, forum_meeting, karlskoga):
    # A rule in another organisation, and a rule for meetings, leave Karlskoga's case alone.
    rule_for(degerfors)
    meetings = rule_for(karlskoga, RecordType.FORUM_MEETINGS, months=1)
    call_command("apply_retention", today=DUE_DAY)
    assert Case.objects.filter(pk=decided_case.pk).exists()
    assert not ForumMeeting.objects.filter(pk=forum_meeting.pk).exists()
    assert Removal.objects.get().rule == meetings


def test_a_dry_run_removes_nothing(decided_case, karlskoga, capsys):
    rule_for(karlskoga)
    call_command("apply_retention", dry_run=True, today=DUE_DAY)
    assert "would remove 1" in capsys.readouterr().out
    assert Case.objects.filter(pk=decided_case.pk).exists() and not Removal.objects.exists()


def test_an_undecided_case_is_never_removed(case, karlskoga):
    rule_for(karlskoga, months=1)
    assert services.apply_rule(RetentionRule.objects.get(), today=DUE_DAY) == []


def test_the_administrator_records_rules_and_others_only_read(
    client, org_admin, coordinator, karlskoga
):
    url = reverse("archive:rules", args=[karlskoga.pk])
    client.force_login(org_admin)
    data = {
        "record_type": RecordType.DECIDED_CASES,
        "keep_months": "120",
        "decision_reference": "KS 2026/12 § 34",
        "adopted_on": "2026-03-01",
    }
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 200  # one rule per record type
    assert RetentionRule.objects.get().keep_months == 120
    client.force_login(coordinator)
    page = client.get(url).content.decode()
    assert "KS 2026/12 § 34" in page and 'name="keep_months"' not in page
    assert client.post(url, data | {"record_type": RecordType.FORUM_MEETINGS}).status_code == 403


def test_the_queued_nightly_run_is_one_job_per_organisation_and_day(decided_case, karlskoga):
    from core.models import Job

    rule_for(karlskoga)
    call_command("apply_retention", queue=True, today=DUE_DAY)
    call_command("apply_retention", queue=True, today=DUE_DAY)  # cron ran it twice
    job = Job.objects.get()
    assert job.status == Job.Status.DONE and job.result == {"removed": {"decided_cases": 1}}
    assert not Case.objects.filter(pk=decided_case.pk).exists()
    assert Removal.objects.count() == 1
