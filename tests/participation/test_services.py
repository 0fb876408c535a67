"""Consultation state changes, submissions stored once, screening on the way in, retention."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from core.models import AuditEntry
from participation import services
from participation.models import Answer, ClassCode, Consultation, Response
from participation.services import TransitionError

from .conftest import answers_for


def submit(consultation, key="k1", **extra):
    return services.submit_response(
        consultation,
        submission_key=key,
        age_band=extra.pop("age_band", "6-12"),
        answers=extra.pop("answers", answers_for(consultation)),
        **extra,
    )


def test_opening_needs_a_question(karlskoga, dialogue_leader_user):
    empty = services.create_consultation(
        karlskoga, by=dialogue_leader_user, title="Tom", introduction="x", age_bands=["6-12"]
    )
    with pytest.raises(TransitionError):
        services.open_consultation(empty, by=dialogue_leader_user)


def test_open_close_and_audit(draft, dialogue_leader_user):
    opened = services.open_consultation(draft, by=dialogue_leader_user)
    assert opened.status == Consultation.Status.OPEN
    with pytest.raises(TransitionError):
        services.open_consultation(opened, by=dialogue_leader_user)
    closed = services.close_consultation(opened, by=dialogue_leader_user)
    assert closed.status == Consultation.Status.CLOSED
    actions = AuditEntry.objects.for_object(draft).values_list("action", flat=True)
    assert list(actions).count(AuditEntry.Action.TRANSITION) == 2


def test_questions_are_frozen_once_open(consultation, dialogue_leader_user):
    question = consultation.questions.first()
    with pytest.raises(TransitionError):
        services.update_question(question, by=dialogue_leader_user, text="Ny text")
    with pytest.raises(TransitionError):
        services.delete_question(question, by=dialogue_leader_user)


def test_moving_a_question_swaps_it_with_its_neighbour(draft, dialogue_leader_user):
    first, second = list(draft.questions.all())[:2]
    services.move_question(second, by=dialogue_leader_user, up=True)
    assert list(draft.questions.all())[:2] == [second, first]


def test_a_form_posted_twice_stores_one_response(consultation):
    first, created = submit(consultation)
    again, created_again = submit(consultation)
    assert created and not created_again
    assert again.pk == first.pk
    assert Response.objects.filter(consultation=consultation).count() == 1
    assert Answer.objects.filter(response=first).count() == 5


def test_free_text_is_screened_and_flagged_for_moderation(consultation, karlskoga):
    services.save_settings(karlskoga, by=None, screened_names="Kalle\nLisa")
    response, _ = submit(
        consultation,
        answers={
            **answers_for(consultation),
            consultation.questions.get(kind="text").pk: "Ring 070-123 45 67, hälsa Kalle!",
        },
    )
    answer = response.answers.get(question__kind="text")
    assert answer.text == "Ring 070-123 45 67, hälsa Kalle!"
    assert "070" not in answer.masked_text and "Kalle" not in answer.masked_text
    assert answer.moderation == Answer.Moderation.PENDING
    assert not answer.shown_to_others
    assert set(answer.screening_reasons) == {"phone", "name"}


def test_plain_text_needs_no_moderation(consultation):
    response, _ = submit(consultation)
    answer = response.answers.get(question__kind="text")
    assert answer.moderation == Answer.Moderation.NOT_NEEDED
    assert answer.masked_text == "Mer ljus"


def test_moderation_is_logged(consultation, dialogue_leader_user):
    response, _ = submit(
        consultation,
        answers={consultation.questions.get(kind="text").pk: "Min e-post är a@b.se"},
    )
    answer = response.answers.get()
    services.moderate(answer, by=dialogue_leader_user, approve=False)
    answer.refresh_from_db()
    assert answer.moderation == Answer.Moderation.HIDDEN
    assert AuditEntry.objects.for_object(answer).filter(actor=dialogue_leader_user).exists()


def test_class_codes_are_used_once(consultation, dialogue_leader_user):
    Consultation.objects.filter(pk=consultation.pk).update(requires_class_code=True)
    consultation.refresh_from_db()
    code = services.create_class_codes(consultation, by=dialogue_leader_user, count=2)[0]
    submit(consultation, key="a", class_code=code.code.lower())
    with pytest.raises(ValidationError):
        submit(consultation, key="b", class_code=code.code)
    with pytest.raises(ValidationError):
        submit(consultation, key="c", class_code="NOTACODE")
    assert ClassCode.objects.get(pk=code.pk).used_on is not None
    assert Response.objects.filter(consultation=consultation).count() == 1


def test_retention_removes_only_old_responses_and_logs_it(consultation, karlskoga):
    services.save_settings(karlskoga, by=None, retention_months=12)
    today = datetime.date(2026, 11, 26)
    submit(consultation, key="old", today=datetime.date(2025, 11, 25))
    submit(consultation, key="kept", today=datetime.date(2025, 11, 26))
    removed = services.remove_old_responses(today=today)
    assert removed == {consultation.pk: 1}
    keys = Response.objects.values_list("submission_key", flat=True)
    assert list(keys) == ["kept"]
    entry = AuditEntry.objects.for_object(consultation).filter(action="delete").get()
    assert entry.changes == {"responses": [1, None]}


def test_publishing_feedback_answers_the_consultation(consultation, dialogue_leader_user):
    with pytest.raises(TransitionError):
        services.publish_feedback(consultation, by=dialogue_leader_user)
    services.save_feedback(
        consultation,
        by=dialogue_leader_user,
        what_was_decided="Parken får lampor.",
        how_views_counted="Ni ville ha ljus.",
        why="Det blir tryggare.",
    )
    feedback = services.publish_feedback(consultation, by=dialogue_leader_user)
    consultation.refresh_from_db()
    assert feedback.is_published
    assert consultation.status == Consultation.Status.ANSWERED


def test_cases_of_another_organisation_cannot_be_linked(
    karlskoga, degerfors, degerfors_committee, dialogue_leader_user
):
    from assessments import services as case_services

    other = case_services.create_case(
        degerfors, by=None, body=degerfors_committee, case_number="KS 1", title="Annat"
    )
    with pytest.raises(ValidationError):
        services.create_consultation(
            karlskoga, by=dialogue_leader_user, title="X", introduction="x", cases=[other]
        )
