"""A consultation in Karlskoga with one question of every kind, and a dialogue leader."""

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
