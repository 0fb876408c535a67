"""Issue 22: the child's form on a phone — the error summary first and focused, words a
ten-year-old understands, no silent cut of a long text, scale words that fit the question,
faces as bundled pictures instead of emoji."""

import re

from django.contrib.staticfiles import finders
from django.urls import reverse

from participation import services
from participation.forms import MAX_TEXT_ANSWER
from participation.models import Question, Response

from .test_children import form_data


def test_a_failed_submit_shows_what_to_fix_first_and_focused(client, consultation):
    data = form_data(client, consultation)
    del data["age_band"]
    html = client.post(consultation.children_path(), data).content.decode()
    summary = html.index('id="fix"')
    assert summary < html.index("child-privacy") < html.index("<form")
    tag = html[html.rindex("<div", 0, summary) : html.index(">", summary)]
    assert "autofocus" in tag and 'tabindex="-1"' in tag
    assert "Du har missat något" in html
    assert (
        '<a href="#id_age_band">Hur gammal är du?</a>: Du har inte svarat på den här frågan.'
        in html
    )
    # The privacy text is folded away so that the summary and the questions come first.
    assert '<details class="child-privacy">' in html
    assert "obligatoriskt" not in html.lower().split("<form")[0]


def test_a_pasted_long_text_is_never_cut_without_a_word(client, consultation):
    text_question = consultation.questions.get(kind="text")
    page = client.get(consultation.children_path()).content.decode()
    area = re.search(rf'<textarea[^>]*name="q{text_question.pk}"[^>]*>', page)[0]
    assert "maxlength" not in area
    assert f'data-counter="{MAX_TEXT_ANSWER}"' in area
    assert "Du kan skriva upp till 2\xa0000 tecken." in page
    assert "js/child-counter.js" in page
    data = form_data(client, consultation, **{f"q{text_question.pk}": "a" * 5000})
    html = client.post(consultation.children_path(), data).content.decode()
    assert "Din text har 5000 tecken och gränsen är 2000" in html
    assert "a" * 5000 in html  # given back whole, for the child to shorten
    assert not Response.objects.exists()


def test_the_scale_words_fit_the_question(client, draft, dialogue_leader_user):
    services.add_question(
        draft,
        by=dialogue_leader_user,
        kind="scale",
        text="Hur viktigt är det att parken har ljus?",
        scale_words=Question.ScaleWords.IMPORTANT,
    )
    consultation = services.open_consultation(draft, by=dialogue_leader_user)
    html = client.get(consultation.children_path()).content.decode()
    assert "Inte alls viktigt" in html and "Mycket viktigt" in html
    assert "Mycket dåligt" in html  # the other scale question keeps its own words


def test_the_faces_are_bundled_pictures_not_emoji(client, consultation):
    html = client.get(consultation.children_path()).content.decode()
    for face in "😞🙁😐🙂😀":
        assert face not in html
    for step in range(1, 6):
        assert f'faces/face-{step}.svg" alt=""' in html
        assert finders.find(f"img/faces/face-{step}.svg")


def test_a_choice_with_one_option_tells_the_dialogue_leader_why(
    client, draft, dialogue_leader_user
):
    client.force_login(dialogue_leader_user)
    response = client.post(
        reverse("participation:question_add", args=[draft.pk]),
        {
            "kind": "single",
            "text": "Gillar du parken?",
            "options_text": "Ja",
            "scale_words": "good",
        },
    )
    assert "Ett val med bara ett alternativ frågar ingenting" in response.content.decode()
