"""The empty answer form's fields are a cached template fragment (participation.childpage,
decision 0027): one child's mistakes never show on another child's page, each language has its
own fragment, and a change to the questions shows at once."""

import pytest
from django.test import Client

from participation import services
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
    return services.open_consultation(consultation, by=None)


def page(consultation, english=False, data=None):
    path = consultation.children_path() + ("en/" if english else "")
    client = Client()
    response = client.post(path, data) if data is not None else client.get(path)
    return response.content.decode()


@pytest.mark.django_db
def test_one_childs_mistakes_never_show_on_another_childs_page(consultation):
    assert "aria-invalid" not in page(consultation)  # the fragment is now cached
    refused = page(consultation, data={"submission_key": "a"})
    assert 'aria-invalid="true"' in refused
    assert "aria-invalid" not in page(consultation)


@pytest.mark.django_db
def test_each_language_has_its_own_fields(consultation):
    assert "Vill du ha gungor?" in page(consultation)
    english = page(consultation, english=True)
    assert "Do you want swings?" in english and "Vill du ha gungor?" not in english
    assert "Vill du ha gungor?" in page(consultation)


@pytest.mark.django_db
def test_a_question_changed_while_closed_shows_when_opened_again(consultation):
    assert "Vill du ha gungor?" in page(consultation)
    consultation = services.close_consultation(consultation, by=None)
    consultation.status = consultation.Status.DRAFT
    consultation.save()
    (question,) = consultation.questions.all()
    services.update_question(question, by=None, text="Vill du ha rutschkanor?")
    services.open_consultation(consultation, by=None)
    html = page(consultation)
    assert "Vill du ha rutschkanor?" in html and "Vill du ha gungor?" not in html
