"""The bench dataset at a tiny scale: the participation data is there, and generating twice
creates nothing twice."""

import pytest

from bench.dataset import generate
from bench.inventory import counts
from bench.participation import FIXED_CODE, FIXED_RESPONSES, FIXED_TITLE
from participation.models import Answer, Consultation, Question, Response


@pytest.mark.django_db
def test_generating_twice_creates_nothing_twice():
    ids = generate(0.02)
    first = counts()
    assert generate(0.02) == ids
    assert counts() == first

    consultation = Consultation.objects.get(pk=ids["consultation"])
    assert (consultation.title, consultation.code) == (FIXED_TITLE, FIXED_CODE)
    assert ids["consultation_code"] == FIXED_CODE
    assert consultation.accepts_answers()
    assert first["fixed_consultation_responses"] == FIXED_RESPONSES
    kinds = set(Question.objects.filter(consultation=consultation).values_list("kind", flat=True))
    assert kinds == set(Question.Kind.values)
    texts = Answer.objects.filter(response__consultation=consultation, question__kind="text")
    assert texts.filter(moderation=Answer.Moderation.PENDING).exists()
    assert texts.filter(moderation=Answer.Moderation.NOT_NEEDED).exists()
    # Every organisation has its consultations, and the responses keys are unique per one.
    assert first["consultations"] == 7 * 6 + 1
    assert first["responses"] == Response.objects.values("consultation", "submission_key").count()
    # Every other answered consultation has published feedback (the network dashboard).
    answered = Consultation.objects.filter(status="answered").count()
    assert first["feedback"] == (answered + 1) // 2 > 0


@pytest.mark.django_db
def test_bench_indicator_has_every_organisation_twenty_years_by_gender():
    from bench.indicators import BENCH_INDICATOR, YEARS
    from indicators.models import IndicatorValue
    from organisations.models import Organisation

    ids = generate(0.02)
    values = IndicatorValue.objects.filter(indicator_id=ids["bench_indicator"])
    assert values.first().indicator.code == BENCH_INDICATOR
    areas = Organisation.objects.count() + 1  # and Sweden
    assert values.count() == areas * len(YEARS) * 3
