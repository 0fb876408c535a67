"""The children's path through the ORM: `childpage.find` reads a consultation in one query, and
`services.submit_response` stores a response and its answers together or not at all."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation import childpage, services
from participation.models import Answer, ParticipationSettings, Question, Response


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


def submit(consultation, key, **extra):
    scale, multiple, text = consultation.questions.all()
    return services.submit_response(
        consultation,
        submission_key=key,
        age_band="6-12",
        answers={scale.pk: 4, multiple.pk: [0, 2], text.pk: "Mer ljus"},
        today=date(2026, 11, 26),
        **extra,
    )


@pytest.mark.django_db(transaction=True)
def test_a_response_and_its_answers_are_stored_together(karlskoga):
    consultation = consultation_with_questions(karlskoga)
    with CaptureQueriesContext(connection) as captured:
        response, created = submit(consultation, "key-1")
    assert created
    # The response, then all its answers in one INSERT (bulk_create), in one transaction.
    inserts = [query["sql"] for query in captured if query["sql"].startswith("INSERT")]
    assert len(inserts) == 2
    stored = Response.objects.get(pk=response.pk)
    assert stored.submission_key == "key-1"
    values = list(stored.answers.order_by("question__position").values_list("value", "text"))
    assert values == [(4, ""), ([0, 2], ""), (None, "Mer ljus")]


@pytest.mark.django_db(transaction=True)
def test_the_same_key_twice_stores_one_response(karlskoga):
    consultation = consultation_with_questions(karlskoga)
    first, created = submit(consultation, "same")
    again, created_again = submit(consultation, "same")
    assert created and not created_again and again.pk == first.pk
    assert Response.objects.filter(submission_key="same").count() == 1
    assert Answer.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_a_refused_class_code_stores_nothing(karlskoga):
    consultation = consultation_with_questions(karlskoga)
    consultation.requires_class_code = True
    with pytest.raises(ValidationError):
        submit(consultation, "key-2", class_code="NOSUCH")
    assert not Response.objects.exists()
    assert not Answer.objects.exists()
