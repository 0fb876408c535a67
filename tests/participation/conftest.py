"""Consultations in Karlskoga with one question of every kind, a dialogue leader, and ways to
answer them."""

import datetime

import pytest

from organisations import services as org_services
from organisations.roles import Role
from participation import services
from participation.models import Question
from tests.conftest import make_user

QUESTIONS = [
    (Question.Kind.SCALE, "Hur är parken i dag?", []),
    (Question.Kind.SINGLE, "Känner du dig trygg?", ["Ja", "Nej"]),
    (Question.Kind.MULTIPLE, "Vad vill du göra?", ["Leka", "Spela boll", "Vila"]),
    (Question.Kind.RANKING, "Vad är viktigast?", ["Ljus", "Bänkar", "Gungor"]),
    (Question.Kind.TEXT, "Något mer?", []),
]


@pytest.fixture
def dialogue_leader_user(karlskoga):
    user = make_user("dialogue_leader_p")
    org_services.add_member(karlskoga, by=None, user=user, role=Role.DIALOGUE_LEADER)
    return user


@pytest.fixture
def draft(karlskoga, dialogue_leader_user):
    consultation = services.create_consultation(
        karlskoga,
        by=dialogue_leader_user,
        title="Parken vid skolan",
        introduction="Parken ska göras om. Vad tycker du?",
        age_bands=["6-12", "13-17"],
        channels=["online"],
    )
    for kind, text, options in QUESTIONS:
        services.add_question(
            consultation, by=dialogue_leader_user, kind=kind, text=text, options=options
        )
    return consultation


@pytest.fixture
def consultation(draft, dialogue_leader_user):
    return services.open_consultation(draft, by=dialogue_leader_user)


def answers_for(consultation, text="Mer ljus"):
    """A full set of answers, keyed by question id, as the form gives them."""
    by_kind = {
        Question.Kind.SCALE: 4,
        Question.Kind.SINGLE: 0,
        Question.Kind.MULTIPLE: [0, 2],
        Question.Kind.RANKING: [2, 0, 1],
        Question.Kind.TEXT: text,
    }
    return {q.pk: by_kind[q.kind] for q in consultation.questions.all()}


OPTIONS = ["Gungor", "Bänkar", "Belysning"]
DAY = datetime.date(2026, 3, 14)


@pytest.fixture
def park(karlskoga, coordinator):
    consultation = services.create_consultation(
        karlskoga,
        by=coordinator,
        title="Parken vid skolan",
        introduction="Vad vill du ha i parken?",
        age_bands=["6-12", "13-17"],
        ask_gender=True,
    )
    for kind, text, options in (
        ("single", "Vilket är bäst?", OPTIONS),
        ("multiple", "Vad saknas?", OPTIONS),
        ("scale", "Hur är parken i dag?", []),
        ("ranking", "Vad är viktigast?", OPTIONS),
        ("text", "Något mer?", []),
    ):
        services.add_question(consultation, by=coordinator, kind=kind, text=text, options=options)
    return services.open_consultation(consultation, by=coordinator)


def questions(consultation) -> dict[str, int]:
    return {q.kind: q.pk for q in consultation.questions.all()}


def answer(consultation, n, *, age="13-17", gender="", day=DAY, **by_kind):
    """Submit response number `n`; keyword arguments are answers by question kind."""
    pks = questions(consultation)
    response, _created = services.submit_response(
        consultation,
        submission_key=f"key-{n}",
        age_band=age,
        gender=gender,
        answers={pks[kind]: value for kind, value in by_kind.items()},
        today=day,
    )
    return response
