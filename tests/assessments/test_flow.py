"""Screening → assessment → review (approve or return) → decision → follow-up, as service calls."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from assessments import services
from assessments.models import Assessment, Case, Decision
from core.models import AuditEntry
from tests.conftest import FULL_ANSWERS


def test_starting_an_assessment_puts_the_case_in_preparation(case, assessment):
    case.refresh_from_db()
    assert case.status == Case.Status.IN_PREPARATION
    assert assessment.template_version.is_published


def test_a_case_has_only_one_assessment(case, assessment, case_officer, standard_version):
    with pytest.raises(services.TransitionError):
        services.start_assessment(case, by=case_officer, version=standard_version)


def test_a_draft_template_version_cannot_be_used(case, case_officer, standard_version):
    from assessments.models import TemplateVersion

    draft = TemplateVersion.objects.create(
        template=standard_version.template, number=99, sections=[]
    )
    with pytest.raises(services.TransitionError):
        services.start_assessment(case, by=case_officer, version=draft)


def test_saving_answers_copies_children_affected_and_articles(assessment, case_officer):
    saved = services.save_answers(
        assessment, by=case_officer, answers=FULL_ANSWERS, expected_version=1
    )
    assert saved.children_affected == "yes"
    assert sorted(saved.articles.values_list("number", flat=True)) == [3, 12]
    assert saved.lock_version == 2


def test_submitting_needs_the_screening_answer(assessment, case_officer):
    with pytest.raises(services.TransitionError, match="berörs"):
        services.submit_for_review(assessment, by=case_officer)


def test_not_affected_always_needs_a_reason(assessment, case_officer):
    saved = services.save_answers(
        assessment, by=case_officer, answers={"children_affected": "no"}, expected_version=1
    )
    with pytest.raises(services.TransitionError, match=r"varför|Varför|skäl"):
        services.submit_for_review(saved, by=case_officer)


def test_reviewer_approves_a_complete_assessment(submitted_assessment, decision_maker):
    services.approve_assessment(submitted_assessment, by=decision_maker)
    submitted_assessment.refresh_from_db()
    submitted_assessment.case.refresh_from_db()
    assert submitted_assessment.status == Assessment.Status.APPROVED
    assert submitted_assessment.case.status == Case.Status.READY_FOR_DECISION


def test_incomplete_assessment_cannot_be_approved(assessment, case_officer, decision_maker):
    partial = services.save_answers(
        assessment,
        by=case_officer,
        answers={"children_affected": "yes", "child_groups": ["age_0_5"]},
        expected_version=1,
    )
    submitted = services.submit_for_review(partial, by=case_officer)
    with pytest.raises(services.TransitionError):
        services.approve_assessment(submitted, by=decision_maker)


def test_returning_needs_comments_and_marks_the_case_returned(submitted_assessment, decision_maker):
    with pytest.raises(ValidationError):
        services.return_assessment(submitted_assessment, by=decision_maker, comments=" ")
    services.return_assessment(
        submitted_assessment, by=decision_maker, comments="Barnen har inte hörts"
    )
    submitted_assessment.case.refresh_from_db()
    assert submitted_assessment.case.status == Case.Status.RETURNED
    assert submitted_assessment.reviews.get().comments == "Barnen har inte hörts"


def test_a_returned_assessment_can_be_fixed_and_submitted_again(
    submitted_assessment, case_officer, decision_maker
):
    services.return_assessment(submitted_assessment, by=decision_maker, comments="Mer kunskap")
    returned = Assessment.objects.get(pk=submitted_assessment.pk)
    saved = services.save_answers(
        returned,
        by=case_officer,
        answers=FULL_ANSWERS | {"research": "Mer"},
        expected_version=returned.lock_version,
    )
    services.submit_for_review(saved, by=case_officer)
    saved.case.refresh_from_db()
    assert saved.case.status == Case.Status.IN_PREPARATION
    assert Assessment.objects.get(pk=saved.pk).status == Assessment.Status.SUBMITTED


def test_a_submitted_assessment_cannot_be_edited(submitted_assessment, case_officer):
    with pytest.raises(services.TransitionError):
        services.save_answers(
            submitted_assessment,
            by=case_officer,
            answers={},
            expected_version=submitted_assessment.lock_version,
        )


def test_decision_against_best_interests_needs_reasons_and_measures(
    submitted_assessment, decision_maker
):
    services.approve_assessment(submitted_assessment, by=decision_maker)
    with pytest.raises(ValidationError) as error:
        services.record_decision(
            submitted_assessment.case,
            by=decision_maker,
            outcome="Avslag",
            decided_on=datetime.date(2026, 11, 1),
            follows_best_interests=False,
        )
    assert set(error.value.error_dict) == {"reasons", "compensating_measures"}
    assert not Decision.objects.exists()


def test_decision_marks_the_case_decided(decided_case):
    assert decided_case.status == Case.Status.DECIDED
    assert decided_case.decision_date == datetime.date(2026, 11, 1)


def test_a_case_not_ready_cannot_be_decided(case, decision_maker):
    with pytest.raises(services.TransitionError):
        services.record_decision(
            case,
            by=decision_maker,
            outcome="x",
            decided_on=datetime.date(2026, 1, 1),
            follows_best_interests=True,
        )


def test_a_decided_case_cannot_be_changed(decided_case, case_officer):
    with pytest.raises(services.TransitionError):
        services.update_case(decided_case, by=case_officer, title="Nytt")


def test_every_transition_is_in_the_audit_log(decided_case):
    transitions = AuditEntry.objects.for_object(decided_case).filter(action="transition")
    statuses = [entry.changes["status"][1] for entry in transitions.order_by("created_at", "id")]
    assert statuses == ["in_preparation", "ready_for_decision", "decided"]


def test_follow_up_is_recorded(decided_case, case_officer):
    services.record_follow_up(
        decided_case.decision,
        by=case_officer,
        notes="Parken används",
        done_on=datetime.date(2026, 11, 24),
    )
    decided_case.decision.refresh_from_db()
    assert decided_case.decision.follow_up_done_on == datetime.date(2026, 11, 24)
