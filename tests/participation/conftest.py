"""A consultation in Karlskoga with one question of each kind, and a way to answer it."""

import datetime

import pytest

from participation import services

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
        client_hash=f"hash{n:04d}",
        answers={pks[kind]: value for kind, value in by_kind.items()},
        today=day,
    )
    return response
