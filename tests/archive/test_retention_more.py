"""Retention rules for consultations, training sessions and indicator imports: each removes only
its own organisation's records of its type that are past the cutoff, and nothing else."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from archive import services
from archive.models import RecordType, Removal
from core.audit import create_object
from core.models import AuditEntry
from indicators.models import ImportRun
from participation import services as participation
from participation.models import Consultation, Question
from training import services as training
from training.models import TrainingSession

TODAY = datetime.date(2029, 6, 1)  # a 24-month rule removes what closed before 2027-06-01


def rule(organisation, record_type, months=24):
    return services.save_rule(
        organisation,
        by=None,
        record_type=record_type,
        keep_months=months,
        decision_reference="KS 2026/40 § 7",
        adopted_on=datetime.date(2026, 3, 1),
    )


def consultation(organisation, by, *, closes_on, close=True):
    made = participation.create_consultation(
        organisation,
        by=by,
        title=f"Samråd {closes_on}",
        introduction="Vad tycker du?",
        age_bands=["13-17"],
        channels=["online"],
        closes_on=closes_on,
    )
    participation.add_question(made, by=by, kind=Question.Kind.TEXT, text="Något mer?", options=[])
    made = participation.open_consultation(made, by=by)
    return participation.close_consultation(made, by=by) if close else made


@pytest.fixture
def consultations(karlskoga, degerfors, coordinator):
    return {
        "old_closed": consultation(karlskoga, coordinator, closes_on=datetime.date(2027, 5, 31)),
        "recent_closed": consultation(karlskoga, coordinator, closes_on=datetime.date(2027, 6, 1)),
        "old_open": consultation(
            karlskoga, coordinator, closes_on=datetime.date(2027, 1, 1), close=False
        ),
        "undated": consultation(karlskoga, coordinator, closes_on=None),
        "other_organisation": consultation(degerfors, None, closes_on=datetime.date(2026, 1, 1)),
    }


def test_only_closed_consultations_past_their_closing_date_are_removed(consultations, karlskoga):
    removed = services.apply_rule(rule(karlskoga, RecordType.CONSULTATIONS), today=TODAY)
    assert removed == [consultations["old_closed"].pk]
    left = set(Consultation.objects.values_list("pk", flat=True))
    assert left == {c.pk for key, c in consultations.items() if key != "old_closed"}
    removal = Removal.objects.get()
    assert removal.record_type == RecordType.CONSULTATIONS and removal.count == 1
    entry = AuditEntry.objects.get(
        object_id=str(consultations["old_closed"].pk), action=AuditEntry.Action.DELETE
    )
    assert "KS 2026/40 § 7" in entry.note


def test_training_sessions_go_with_their_materials(
    karlskoga, coordinator, social_committee, settings, tmp_path, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    sessions = [
        training.create_session(
            karlskoga,
            by=coordinator,
            topic=f"Utbildning {held_on}",
            held_on=held_on,
            format="workshop",
            target_group="staff",
            body_counts={social_committee: 5},
        )
        for held_on in (datetime.date(2027, 5, 1), datetime.date(2027, 7, 1))
    ]
    material = training.add_material(
        sessions[0],
        by=coordinator,
        title="Bilder",
        uploaded=SimpleUploadedFile("bilder.pdf", b"%PDF-1.4\n%%EOF\n"),
    )
    stored = tmp_path / material.file.name
    assert stored.exists()
    with django_capture_on_commit_callbacks(execute=True):
        removed = services.apply_rule(rule(karlskoga, RecordType.TRAINING_SESSIONS), today=TODAY)
    assert removed == [sessions[0].pk]
    assert list(TrainingSession.objects.values_list("pk", flat=True)) == [sessions[1].pk]
    assert not stored.exists()


def test_indicator_imports_past_the_cutoff_are_removed(karlskoga, degerfors):
    def run(organisation, day):
        return create_object(
            ImportRun,
            by=None,
            organisation=organisation,
            format=ImportRun.Format.TEMPLATE,
            created_at=timezone.make_aware(datetime.datetime(day.year, day.month, day.day, 12)),
        )

    old, recent = (
        run(karlskoga, datetime.date(2027, 5, 1)),
        run(karlskoga, datetime.date(2027, 7, 1)),
    )
    other = run(degerfors, datetime.date(2020, 1, 1))
    removed = services.apply_rule(rule(karlskoga, RecordType.INDICATOR_IMPORTS), today=TODAY)
    assert removed == [old.pk]
    assert set(ImportRun.objects.values_list("pk", flat=True)) == {recent.pk, other.pk}


def test_a_rule_for_one_type_leaves_every_other_type_alone(
    consultations, karlskoga, coordinator, social_committee, decided_case, forum_meeting
):
    training.create_session(
        karlskoga,
        by=coordinator,
        topic="Gammal utbildning",
        held_on=datetime.date(2020, 1, 1),
        format="workshop",
        target_group="staff",
        body_counts={social_committee: 5},
    )
    rule(karlskoga, RecordType.INDICATOR_IMPORTS, months=1)
    consultation_count = Consultation.objects.count()
    call_command("apply_retention", today=datetime.date(2040, 1, 1))
    assert Consultation.objects.count() == consultation_count
    assert TrainingSession.objects.count() == 1
    assert decided_case.__class__.objects.filter(pk=decided_case.pk).exists()
    assert forum_meeting.__class__.objects.filter(pk=forum_meeting.pk).exists()
    assert not Removal.objects.exists()  # a run that is due nothing records nothing
