"""The children's page answers with a fixed number of SQL queries, however many questions the
consultation has, and reads only what the page needs: no feedback while it is open, the names
to screen for together with the consultation, and the answers in one INSERT."""

import pytest
from django.core.cache import cache
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
        # Every later child's page reuses the cached lookup (a second old at most), questions
        # and fields.
        response, again = queries(client, "get", url)
        assert response.status_code == 200 and len(again) == 0
        response, post_queries = queries(client, "post", url, answers_for(consultation, text))
        assert response.status_code == 302
        assert Answer.objects.filter(response__consultation=consultation).count() == (
            repeat * len(KINDS) - (0 if text else repeat)
        )
        counts.append((len(get_queries), len(post_queries)))
        assert not any("participation_feedback" in sql for sql in get_queries + post_queries)
        # The answer reads the consultation afresh, with the names to screen for in the same query.
        assert "participationsettings" in post_queries[0]
        assert sum("participationsettings" in sql for sql in post_queries) == 1
    assert counts[0] == counts[1]
    assert counts[0][0] == 2  # the consultation, its questions (then cached)
    # The consultation (the questions are the cached ones), then the response and its answers,
    # one INSERT each, in a savepoint of the test's transaction (SAVEPOINT and RELEASE around
    # them; in production BEGIN and COMMIT, which Django does not log as queries).
    assert counts[0][1] == 1 + 4


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


def test_a_page_view_reuses_the_lookup_but_an_answer_reads_it_afresh(client, karlskoga):
    from participation import childpage
    from participation.models import Consultation

    consultation = open_consultation(karlskoga, 1)
    url = reverse("participation:child_page", args=[consultation.code])
    assert client.get(url).status_code == 200
    # Closed behind the services' back (no save signal): page views may show the form a
    # moment longer, but the answer is refused and nothing is stored.
    Consultation.objects.filter(pk=consultation.pk).update(status=Consultation.Status.CLOSED)
    assert 'name="submission_key"' in client.get(url).content.decode()
    response = client.post(url, answers_for(consultation, "Hej"))
    assert response.status_code == 200 and 'name="submission_key"' not in response.content.decode()
    assert not Response.objects.filter(consultation=consultation).exists()
    # After PAGE_VIEW_MAX_AGE seconds the cached lookup expires, and the page view reads it again.
    cache.delete(childpage._found_key(consultation.code))
    assert 'name="submission_key"' not in client.get(url).content.decode()


def test_closing_through_the_services_is_seen_by_the_next_page_view(client, karlskoga):
    consultation = open_consultation(karlskoga, 1)
    url = reverse("participation:child_page", args=[consultation.code])
    assert 'name="submission_key"' in client.get(url).content.decode()
    services.close_consultation(consultation, by=None)
    assert 'name="submission_key"' not in client.get(url).content.decode()


@pytest.mark.django_db
def test_an_answer_writes_only_the_response_indexes_that_serve_a_query():
    # Each is written with every child's answer; see the Response docstring.
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, Response._meta.db_table)
    indexed = sorted(
        tuple(c["columns"])
        for c in found.values()
        if (c["index"] or c["unique"]) and not c["primary_key"]
    )
    assert indexed == [
        ("class_code_id",),
        ("consultation_id", "submission_key"),
        ("organisation_id", "submitted_on"),
    ]
