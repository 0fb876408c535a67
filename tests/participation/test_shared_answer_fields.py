"""The answer form's fields are built once per open consultation and language and shared by
every child's form (participation.childpage.answer_form): one child's mistakes must never show
on another child's form, and an edit made before opening must show."""

import pytest
from django.utils import translation

from participation import childpage, services
from participation.models import Question


@pytest.fixture
def consultation(karlskoga):
    consultation = services.create_consultation(
        karlskoga,
        by=None,
        title="Skolgården",
        introduction="Vad tycker du?",
        age_bands=["6-12"],
        channels=["online"],
        offered_in_english=True,
        title_en="The schoolyard",
        introduction_en="What do you think?",
    )
    services.add_question(
        consultation,
        by=None,
        kind=Question.Kind.SINGLE,
        text="Vill du ha gungor?",
        text_en="Do you want swings?",
        options=["Ja", "Nej"],
        options_en=["Yes", "No"],
    )
    childpage.clear()
    return services.open_consultation(consultation, by=None)


@pytest.mark.django_db
def test_forms_share_the_fields_but_not_their_errors(consultation):
    (question,) = consultation.questions.all()
    wrong = childpage.answer_form({"submission_key": "a"}, consultation, False)
    right = childpage.answer_form(
        {"submission_key": "b", "age_band": "6-12", f"q{question.pk}": "1"}, consultation, False
    )
    assert wrong.fields[f"q{question.pk}"] is right.fields[f"q{question.pk}"]
    assert not wrong.is_valid() and "age_band" in wrong.errors
    assert right.is_valid(), right.errors
    assert right.answers() == {question.pk: 1}
    # Rendering the refused form leaves the shared fields as they were.
    with translation.override("sv"):
        html = str(wrong["age_band"])
    assert 'aria-invalid="true"' in html
    assert "aria-invalid" not in str(right["age_band"])


@pytest.mark.django_db
def test_each_language_has_its_own_fields(consultation):
    (question,) = consultation.questions.all()
    swedish = childpage.answer_form(None, consultation, False)
    english = childpage.answer_form(None, consultation, True)
    assert swedish.fields[f"q{question.pk}"].label == "Vill du ha gungor?"
    assert english.fields[f"q{question.pk}"].label == "Do you want swings?"
    assert list(english.fields[f"q{question.pk}"].choices) == [(0, "Yes"), (1, "No")]


@pytest.mark.django_db
def test_a_closed_consultation_builds_its_form_afresh(consultation):
    consultation = services.close_consultation(consultation, by=None)
    first = childpage.answer_form(None, consultation, False)
    second = childpage.answer_form(None, consultation, False)
    assert first.fields["age_band"] is not second.fields["age_band"]
