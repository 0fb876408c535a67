"""Trainings, headcounts and coverage: the rules in the services and the figures."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from core.models import AuditEntry
from organisations import services as org_services
from organisations.roles import Role
from tests.conftest import make_user
from training import coverage, services
from training.models import CoverageTarget, Headcount, SessionBody, TrainingSession


def test_a_session_counts_participants_per_body_and_logs_every_row(
    karlskoga, coordinator, social_committee, joint_committee
):
    session = services.create_session(
        karlskoga,
        by=coordinator,
        topic="Barnkonventionen som lag",
        held_on=datetime.date(2026, 2, 9),
        format="in_person",
        target_group="elected",
        body_counts={social_committee: 7, joint_committee: 5},
    )
    assert session.participants == 12
    assert dict(SessionBody.objects.values_list("body__name", "participants")) == {
        "Socialnämnden": 7,
        "Folkhälsonämnden": 5,
    }
    assert AuditEntry.objects.filter(action="create", object_repr__contains="7").exists()
    assert AuditEntry.objects.for_object(session).get().action == "create"


def test_a_session_needs_participants_from_a_body(karlskoga, coordinator, social_committee):
    with pytest.raises(ValidationError):
        services.create_session(
            karlskoga,
            by=coordinator,
            topic="Tom",
            held_on=datetime.date(2026, 2, 9),
            format="digital",
            target_group="staff",
            body_counts={social_committee: 0},
        )
    assert not TrainingSession.objects.exists()


def test_another_organisations_body_is_refused(karlskoga, coordinator, degerfors_committee):
    with pytest.raises(ValidationError):
        services.create_session(
            karlskoga,
            by=coordinator,
            topic="Fel nämnd",
            held_on=datetime.date(2026, 2, 9),
            format="digital",
            target_group="staff",
            body_counts={degerfors_committee: 3},
        )


def test_names_are_recorded_for_staff_trainings_only(
    karlskoga, coordinator, social_committee, case_officer
):
    with pytest.raises(ValidationError) as error:
        services.create_session(
            karlskoga,
            by=coordinator,
            topic="Politiker",
            held_on=datetime.date(2026, 2, 9),
            format="digital",
            target_group="elected",
            body_counts={social_committee: 3},
            attendees=[case_officer],
        )
    assert "attendees" in error.value.error_dict


def test_only_the_organisations_people_can_be_named(
    karlskoga, coordinator, social_committee, outsider
):
    with pytest.raises(ValidationError):
        services.create_session(
            karlskoga,
            by=coordinator,
            topic="Personal",
            held_on=datetime.date(2026, 2, 9),
            format="digital",
            target_group="staff",
            body_counts={social_committee: 3},
            attendees=[outsider],
        )


def test_editing_a_session_replaces_its_body_counts(
    session, coordinator, social_committee, joint_committee
):
    services.update_session(
        session,
        by=coordinator,
        body_counts={joint_committee: 4},
        attendees=[],
        topic=session.topic,
        held_on=session.held_on,
        format=session.format,
        target_group="staff",
    )
    session.refresh_from_db()
    assert session.participants == 4
    assert list(SessionBody.objects.values_list("body", flat=True)) == [joint_committee.pk]
    assert not session.attendees.exists()


def test_deleting_a_session_removes_its_rows_with_history(session, coordinator):
    services.delete_session(session, by=coordinator)
    assert not SessionBody.objects.exists()
    assert AuditEntry.objects.filter(action="delete", object_repr=str(session)).exists()


def test_coverage_is_participants_as_a_share_of_the_headcount(
    karlskoga, session, headcount, social_committee
):
    (row,) = coverage.coverage_rows(karlskoga, 2026)
    assert (row.body, row.target_group, row.headcount, row.trained) == (
        "Socialnämnden",
        "staff",
        10,
        8,
    )
    assert row.share == 80.0
    assert row.target == 80
    assert row.reached is True


def test_coverage_stops_at_a_hundred_and_other_years_do_not_count(
    karlskoga, coordinator, session, headcount, social_committee
):
    services.set_headcounts(
        karlskoga, 2026, by=coordinator, counts={(social_committee, "staff"): 4}
    )
    services.create_session(
        karlskoga,
        by=coordinator,
        topic="Förra året",
        held_on=datetime.date(2025, 5, 1),
        format="digital",
        target_group="staff",
        body_counts={social_committee: 50},
    )
    (row,) = coverage.coverage_rows(karlskoga, 2026)
    assert row.trained == 8
    assert row.share == 100.0


def test_a_body_without_headcount_shows_no_share(karlskoga, session):
    (row,) = coverage.coverage_rows(karlskoga, 2026)
    assert row.headcount is None and row.share is None and row.reached is None


def test_headcounts_are_created_changed_and_removed(karlskoga, coordinator, social_committee):
    services.set_headcounts(
        karlskoga, 2026, by=coordinator, counts={(social_committee, "staff"): 9}
    )
    services.set_headcounts(
        karlskoga, 2026, by=coordinator, counts={(social_committee, "staff"): 12}
    )
    assert Headcount.objects.get().count == 12
    services.set_headcounts(
        karlskoga, 2026, by=coordinator, counts={(social_committee, "staff"): None}
    )
    assert not Headcount.objects.exists()
    assert AuditEntry.objects.filter(content_type__model="headcount").count() == 3


def test_setting_the_same_target_twice_logs_once(karlskoga, coordinator):
    services.set_target(karlskoga, 2026, 80, by=coordinator)
    services.set_target(karlskoga, 2026, 80, by=coordinator)
    assert CoverageTarget.objects.get().percent == 80
    assert AuditEntry.objects.filter(content_type__model="coveragetarget").count() == 1


def test_who_has_not_been_trained_is_listed_per_body(
    karlskoga, coordinator, social_committee, case_officer, session
):
    member = make_user("socialsekreterare", first_name="Sam", last_name="Sekreterare")
    org_services.add_member(
        karlskoga, by=None, user=member, role=Role.CASE_OFFICER, body=social_committee
    )
    groups = {group.body: group.people for group in coverage.not_yet_trained(karlskoga)}
    assert groups["Socialnämnden"] == ["Sam Sekreterare"]
    whole = groups["Hela organisationen"]
    assert "Test Coordinator" in whole
    assert "Test Case_Officer" not in whole  # took part in the session
