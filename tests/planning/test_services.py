"""Changes go through the services, validate, and leave audit entries."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from core.models import AuditEntry
from planning import services
from planning.models import Activity, FollowUp


def test_creating_a_plan_and_its_parts_writes_audit_entries(activity):
    for obj in (activity.plan, activity.goal.area, activity.goal, activity):
        entry = AuditEntry.objects.for_object(obj).get()
        assert entry.action == AuditEntry.Action.CREATE
        assert entry.organisation_id == activity.organisation_id


def test_activity_ending_before_it_starts_is_refused(goal, coordinator):
    with pytest.raises(ValidationError):
        services.add_activity(
            goal,
            by=coordinator,
            title="Baklänges",
            starts_on=datetime.date(2026, 5, 1),
            ends_on=datetime.date(2026, 4, 1),
        )
    assert not Activity.objects.exists()


def test_activity_outside_the_plan_period_is_refused(goal, coordinator):
    with pytest.raises(ValidationError, match="2026–2028"):
        services.add_activity(
            goal,
            by=coordinator,
            title="För sent",
            starts_on=datetime.date(2028, 6, 1),
            ends_on=datetime.date(2029, 2, 1),
        )


def test_plan_period_cannot_shrink_past_an_activity(activity, coordinator):
    with pytest.raises(ValidationError):
        services.update_plan(activity.plan, by=coordinator, start_year=2027)


def test_follow_up_takes_the_activity_to_its_status_and_is_logged(follow_up, coordinator):
    activity = Activity.objects.get(pk=follow_up.activity_id)
    assert activity.status == Activity.Status.ONGOING
    transition = AuditEntry.objects.for_object(activity).filter(action="transition").get()
    assert transition.changes["status"] == ["planned", "ongoing"]
    assert AuditEntry.objects.for_object(follow_up).get().action == "create"


def test_second_follow_up_for_the_same_period_is_refused(follow_up, coordinator):
    with pytest.raises(ValidationError):
        services.record_follow_up(
            follow_up.activity, by=coordinator, period=" 2026 ", status="done", result="Igen"
        )
    assert FollowUp.objects.count() == 1


def test_follow_up_period_must_be_a_year_or_half_year(activity, coordinator):
    with pytest.raises(ValidationError):
        services.record_follow_up(
            activity, by=coordinator, period="våren", status="done", result="Klart"
        )
    half = services.record_follow_up(
        activity, by=coordinator, period="2026 h1", status="done", result="Klart"
    )
    assert half.period == "2026 H1"


def test_older_follow_up_does_not_overwrite_the_latest_status(activity, coordinator):
    services.record_follow_up(activity, by=coordinator, period="2026 H2", status="done", result="A")
    services.record_follow_up(
        activity, by=coordinator, period="2026 H1", status="ongoing", result="B"
    )
    activity.refresh_from_db()
    assert activity.status == Activity.Status.DONE


def test_goal_refuses_an_id_that_is_not_kolada(area, coordinator):
    with pytest.raises(ValidationError):
        services.add_goal(area, by=coordinator, title="Mål", indicator_codes=["DROP TABLE"])
    goal = services.add_goal(area, by=coordinator, title="Mål", indicator_codes=["N00945"])
    assert goal.indicator_codes == ["N00945"]


def test_goal_refuses_an_unknown_success_factor(area, coordinator):
    with pytest.raises(ValidationError):
        services.add_goal(area, by=coordinator, title="Mål", success_factors=["luck"])


def test_policy_update_logs_the_changed_fields_only(policy, coordinator):
    services.update_policy(policy, by=coordinator, decision_reference="KF § 12/2024")
    entry = AuditEntry.objects.for_object(policy).filter(action="update").get()
    assert list(entry.changes) == ["decision_reference"]


def test_policy_cannot_expire_before_adoption(karlskoga, coordinator):
    with pytest.raises(ValidationError):
        services.create_policy(
            karlskoga,
            by=coordinator,
            title="Fel",
            kind="policy",
            adopted_on=datetime.date(2024, 1, 1),
            valid_until=datetime.date(2023, 1, 1),
        )


def test_policy_file_is_checked_and_stored_under_a_generated_name(
    karlskoga, coordinator, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    script = SimpleUploadedFile("policy.pdf", b"#!/bin/sh\nrm -rf /\n")
    with pytest.raises(ValidationError):
        services.create_policy(karlskoga, by=coordinator, title="X", kind="policy", uploaded=script)
    pdf = SimpleUploadedFile("../../Policy 2024.pdf", b"%PDF-1.4\n%%EOF\n")
    policy = services.create_policy(
        karlskoga, by=coordinator, title="Y", kind="policy", uploaded=pdf
    )
    assert policy.original_name == "Policy_2024.pdf"
    assert policy.file.name.startswith(f"policies/{karlskoga.pk}/")
    assert "Policy" not in policy.file.name
    assert policy.content_type == "application/pdf"
