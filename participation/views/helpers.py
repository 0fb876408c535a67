"""Fetching consultations and their parts for staff views, always through the user's scope."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from organisations.access import can, can_on, get_for_user

from ..models import Answer, Consultation, Question
from ..readability import for_age_bands


def consultation_for(user, pk, action="view") -> Consultation:
    return get_for_user(
        Consultation.objects.select_related("organisation", "body"), user, action, pk=pk
    )


def question_for(user, pk, action="change") -> Question:
    visible = Consultation.objects.visible_to(user)
    question = get_object_or_404(
        Question.objects.select_related("consultation"), pk=pk, consultation__in=visible
    )
    if not can_on(user, action, question.consultation):
        raise PermissionDenied
    return question


def readability(text: str, consultation: Consultation):
    return for_age_bands(text, consultation.age_bands)


def may_read_answers(user, consultation: Consultation, action="view") -> bool:
    """Whether the user may read the children's own words (`view`) or moderate them."""
    return can(user, action, "response", consultation.organisation_id, consultation.body_id)


def answer_for(user, pk, action="moderate") -> Answer:
    """An answer of a consultation the user sees (404 otherwise), if the role allows `action`."""
    visible = Consultation.objects.visible_to(user)
    answer = get_object_or_404(
        Answer.objects.select_related("question__consultation"),
        pk=pk,
        question__consultation__in=visible,
    )
    if not may_read_answers(user, answer.question.consultation, action):
        raise PermissionDenied
    return answer
