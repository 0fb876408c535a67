"""The children's page answers with a fixed number of SQL queries, however many questions the
consultation has, and reads only what the page needs: no feedback while it is open, the names
to screen for together with the consultation, and on PostgreSQL the response and its answers
in one statement."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from participation import abuse, services
from participation.models import Answer, ParticipationSettings, Question, Response

KINDS = [
    (Question.Kind.SCALE, []),
    (Question.Kind.SINGLE, ["Ja", "Nej"]),
    (Question.Kind.MULTIPLE, ["Leka", "Spela", "Klättra"]),
    (Question.Kind.RANKING, ["Gungor", "Bänkar", "Tak"]),
    (Question.Kind.TEXT, []),
]


def open_consultation(organisation, repeat: int):
    consultation = services.create_consultation(
        organisation,
        by=None,
        title=f"Fråga med {repeat * len(KINDS)} frågor",
        introduction="Vad tycker du?",
        age_bands=["6-12"],
        channels=["online"],
    )
    for number in range(repeat):
        for kind, options in KINDS:
            services.add_question(
                consultation, by=None, kind=kind, text=f"{kind} {number}", options=options
            )
    services.open_consultation(consultation, by=None)
    return consultation


def answers_for(consultation, text: str) -> dict:
    data = {"age_band": "6-12", "submission_key": f"key-{consultation.pk}-{len(text)}"}
    for question in consultation.questions.all():
        key = f"q{question.pk}"
        if question.kind == Question.Kind.RANKING:
            data.update({f"{key}_{n}": str(n + 1) for n in range(len(question.options))})
        elif question.kind == Question.Kind.TEXT:
            data[key] = text
        elif question.kind == Question.Kind.MULTIPLE:
            data[key] = ["0", "2"]
        else:
            data[key] = "1"
    return data


def queries(client, method, url, data=None):
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
    return response, [query["sql"] for query in captured]


@pytest.mark.parametrize("text", ["", "Mer gungor, tack!"])
def test_the_queries_do_not_grow_with_the_questions(client, karlskoga, text):
    ParticipationSettings.objects.create(organisation=karlskoga, screened_names="Anna")
    abuse.todays_salt()  # the day's first answer makes the day's salt (once a day; not counted)
    counts = []
    for repeat in (1, 4):
        consultation = open_consultation(karlskoga, repeat)
        url = reverse("participation:child_page", args=[consultation.code])
        response, get_queries = queries(client, "get", url)
        assert response.status_code == 200
        # Every later child's page is the prepared one: the consultation alone is read.
        response, again = queries(client, "get", url)
        assert response.status_code == 200 and len(again) == 1
        response, post_queries = queries(client, "post", url, answers_for(consultation, text))
        assert response.status_code == 302
        assert Answer.objects.filter(response__consultation=consultation).count() == (
            repeat * len(KINDS) - (0 if text else repeat)
        )
        counts.append((len(get_queries), len(post_queries)))
        assert not any("participation_feedback" in sql for sql in get_queries + post_queries)
        # The names to screen for come with the consultation, not in a query of their own.
        assert "participationsettings" in post_queries[0]
        assert sum("participationsettings" in sql for sql in post_queries) == 1
    assert counts[0] == counts[1]
    assert counts[0][0] == 2  # the consultation, its questions (prepared once)
    # The consultation, then the response and its answers inside the test's savepoint: one
    # statement on PostgreSQL, two INSERTs on SQLite. The questions are the prepared ones.
    stored = 1 if connection.vendor == "postgresql" else 2
    assert counts[0][1] == 1 + 2 + stored


def test_the_same_form_posted_twice_stores_one_response(client, karlskoga):
    consultation = open_consultation(karlskoga, 1)
    url = reverse("participation:child_page", args=[consultation.code])
    data = answers_for(consultation, "Hej")
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert Response.objects.filter(consultation=consultation).count() == 1


def test_a_closed_consultation_still_shows_its_published_feedback(client, karlskoga):
    consultation = open_consultation(karlskoga, 1)
    services.close_consultation(consultation, by=None)
    services.save_feedback(
        consultation,
        by=None,
        what_was_decided="Nya gungor.",
        how_views_counted="Ni ville.",
        why=".",
    )
    services.publish_feedback(consultation, by=None)
    response = client.get(reverse("participation:child_page", args=[consultation.code]))
    assert response.status_code == 200
    assert "Nya gungor." in response.content.decode()
