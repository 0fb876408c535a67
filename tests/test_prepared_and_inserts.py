"""core.prepared (a queryset's SQL compiled once) and core.inserts (a row and its children in
one statement on PostgreSQL), checked against the ORM doing the same."""

from datetime import date

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from core.inserts import insert_with_children
from core.prepared import PreparedValues
from participation import childpage, services
from participation.models import Answer, Consultation, ParticipationSettings, Question, Response


def consultation_with_questions(organisation, title="Skolgården"):
    consultation = services.create_consultation(
        organisation,
        by=None,
        title=title,
        introduction="Vad tycker du?",
        age_bands=["6-12", "13-17"],
        channels=["online"],
    )
    services.add_question(consultation, by=None, kind=Question.Kind.SCALE, text="Hur trivs du?")
    services.add_question(
        consultation, by=None, kind=Question.Kind.MULTIPLE, text="Vad?", options=["A", "B", "C"]
    )
    services.add_question(consultation, by=None, kind=Question.Kind.TEXT, text="Berätta")
    services.open_consultation(consultation, by=None)
    return consultation


def by_title(title):
    return Consultation.objects.filter(title=title).values_list("pk", "age_bands", "opens_on")


@pytest.mark.django_db
def test_prepared_values_give_what_the_queryset_gives(karlskoga):
    first = consultation_with_questions(karlskoga, "Första")
    consultation_with_questions(karlskoga, "Andra")
    prepared = PreparedValues(by_title)
    for title in ("Första", "Andra", "Ingen sådan"):
        assert prepared.rows(title) == list(by_title(title))
    # JSON is decoded and dates are dates, as the ORM converts them.
    (row,) = prepared.rows("Första")
    assert row == (first.pk, ["6-12", "13-17"], first.opens_on)


@pytest.mark.django_db
def test_prepared_values_are_one_counted_query(karlskoga):
    consultation_with_questions(karlskoga, "Första")
    prepared = PreparedValues(by_title)
    prepared.rows("Första")
    with CaptureQueriesContext(connection) as captured:
        prepared.rows("Första")
    assert len(captured) == 1
    assert "participation_consultation" in captured[0]["sql"]


def test_a_stand_in_the_sql_changes_is_refused():
    # `iexact` wraps the value for LIKE on some databases or upper-cases it: it cannot be
    # swapped for the real value afterwards, so the helper refuses to compile it.
    prepared = PreparedValues(
        lambda title: Consultation.objects.filter(title__contains=title).values_list("pk")
    )
    with pytest.raises(ValueError, match="did not reach the SQL unchanged"):
        prepared.rows("x")


@pytest.mark.django_db
def test_find_reads_the_consultation_its_organisation_and_the_names(karlskoga):
    consultation = consultation_with_questions(karlskoga)
    ParticipationSettings.objects.create(organisation=karlskoga, screened_names="Anna\nBo")
    with CaptureQueriesContext(connection) as captured:
        found = childpage.find(consultation.code.lower())
        assert found.consultation.organisation.name == karlskoga.name
    assert len(captured) == 1
    assert found.consultation == consultation
    assert found.consultation.age_bands == ["6-12", "13-17"]
    assert found.screened_names == "Anna\nBo"
    draft = services.create_consultation(
        karlskoga,
        by=None,
        title="Utkast",
        introduction="Snart",
        age_bands=["6-12"],
        channels=["online"],
    )
    assert childpage.find(draft.code) is None
    assert childpage.find("NOSUCH") is None


def new_response(consultation, key):
    response = Response(
        organisation_id=consultation.organisation_id,
        consultation=consultation,
        submitted_on=date(2026, 11, 26),
        age_band="6-12",
        submission_key=key,
    )
    scale, multiple, text = consultation.questions.all()
    answers = [
        Answer(response=response, question=scale, value=4),
        Answer(response=response, question=multiple, value=[0, 2]),
        Answer(response=response, question=text, text="Mer ljus", masked_text="Mer ljus"),
    ]
    return response, answers


@pytest.mark.django_db(transaction=True)
def test_a_response_and_its_answers_are_stored_together(karlskoga):
    consultation = consultation_with_questions(karlskoga)
    response, answers = new_response(consultation, "key-1")
    with CaptureQueriesContext(connection) as captured:
        insert_with_children(response, answers, "response")
    # Outside a transaction: one statement on PostgreSQL, BEGIN + 2 INSERTs + COMMIT elsewhere.
    if connection.vendor == "postgresql":
        assert len(captured) == 1 and captured[0]["sql"].startswith("WITH parent AS")
    stored = Response.objects.get(pk=response.pk)
    assert stored.submission_key == "key-1" and not response._state.adding
    values = list(stored.answers.order_by("question__position").values_list("value", "text"))
    assert values == [(4, ""), ([0, 2], ""), (None, "Mer ljus")]


@pytest.mark.django_db(transaction=True)
def test_a_refused_insert_stores_nothing(karlskoga):
    consultation = consultation_with_questions(karlskoga)
    insert_with_children(*new_response(consultation, "same"), "response")
    with pytest.raises(IntegrityError):
        insert_with_children(*new_response(consultation, "same"), "response")
    assert Response.objects.filter(submission_key="same").count() == 1
    assert Answer.objects.count() == 3


@pytest.mark.django_db
def test_a_refused_insert_inside_a_transaction_leaves_it_usable(karlskoga):
    consultation = consultation_with_questions(karlskoga)
    with transaction.atomic():
        insert_with_children(*new_response(consultation, "same"), "response")
        with pytest.raises(IntegrityError):
            insert_with_children(*new_response(consultation, "same"), "response")
        # The savepoint rolled back the refused statement only.
        assert Response.objects.filter(submission_key="same").count() == 1
