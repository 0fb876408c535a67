"""The load test's form parsing and accounting, against the real children's page."""

import random
from collections import Counter

import pytest
from django.urls import reverse

from bench.submissions import account, answers, form_body, form_fields, ranking_groups, tokens
from participation import services
from participation.models import Answer, Question, Response

QUESTIONS = [
    (Question.Kind.SCALE, "Hur är det i dag?", []),
    (Question.Kind.SINGLE, "Trygg?", ["Ja", "Nej", "Vet inte"]),
    (Question.Kind.MULTIPLE, "Vad vill du göra?", ["Leka", "Spela boll", "Klättra"]),
    (Question.Kind.RANKING, "Vad är viktigast?", ["Belysning", "Bänkar", "Gungor", "Tak"]),
    (Question.Kind.TEXT, "Något mer?", []),
]


@pytest.fixture
def consultation(karlskoga):
    consultation = services.create_consultation(
        karlskoga,
        by=None,
        title="Skolgården",
        introduction="Vad tycker du?",
        age_bands=["6-12", "13-17"],
        channels=["online"],
        ask_gender=True,
    )
    for kind, text, options in QUESTIONS:
        services.add_question(consultation, by=None, kind=kind, text=text, options=options)
    services.open_consultation(consultation, by=None)
    return consultation


def child_page(client, consultation):
    response = client.get(reverse("participation:child_page", args=[consultation.code]))
    assert response.status_code == 200
    return response.content.decode()


def test_tokens_and_fields_are_read_from_the_real_page(client, consultation):
    html = child_page(client, consultation)
    csrf, key = tokens(html)
    assert len(csrf) == 64
    assert key and key in html
    fields = form_fields(html)
    questions = list(consultation.questions.order_by("position"))
    scale, single, multiple, ranking, text = questions
    assert fields[f"q{scale.pk}"] == ("radio", ["1", "2", "3", "4", "5"])
    assert fields[f"q{single.pk}"] == ("radio", ["0", "1", "2"])
    assert fields[f"q{multiple.pk}"] == ("checkbox", ["0", "1", "2"])
    assert fields[f"q{text.pk}"] == ("text", [])
    assert fields["age_band"] == ("radio", ["6-12", "13-17"])
    assert fields["gender"][0] == "radio"
    assert ranking_groups(fields) == {f"q{ranking.pk}": [f"q{ranking.pk}_{n}" for n in range(4)]}
    assert not {"csrfmiddlewaretoken", "submission_key", "website"} & set(fields)


def test_a_page_without_the_form_has_no_tokens():
    with pytest.raises(ValueError):
        tokens("<p>Den här frågan är stängd.</p>")


def test_the_made_up_answers_are_accepted_and_a_double_post_stores_one(client, consultation):
    client.handler.enforce_csrf_checks = True
    url = reverse("participation:child_page", args=[consultation.code])
    html = child_page(client, consultation)
    csrf, key = tokens(html)
    body = form_body(answers(form_fields(html), random.Random(3)), csrf, key)
    posts = []
    for _ in range(2):
        response = client.post(url, body, content_type="application/x-www-form-urlencoded")
        assert response.status_code == 302
        assert response["Location"].endswith(f"/b/{consultation.code}/tack/")
        posts.append((key, True))
    stored = Response.objects.get(consultation=consultation)
    assert stored.submission_key == key
    assert Answer.objects.filter(response=stored).count() == len(QUESTIONS)
    ranking = Answer.objects.get(response=stored, question__kind=Question.Kind.RANKING)
    assert sorted(ranking.value) == [0, 1, 2, 3]
    result = account(posts, Counter({key: 1}), {key})
    assert result["ok"] and result["double_posted_stored_once"] == 1


def test_account_finds_nothing_wrong_when_every_thanked_key_is_stored_once():
    posts = [("a", True), ("b", True), ("b", True), ("c", False)]
    result = account(posts, {"a": 1, "b": 1}, {"b"})
    assert result["ok"]
    assert (result["submissions"], result["stored"], result["posts"]) == (2, 2, 4)
    assert (result["lost"], result["duplicated"], result["unexpected"]) == (0, 0, 0)


def test_account_finds_lost_duplicated_and_unexpected_responses():
    posts = [("a", True), ("b", True), ("b", True), ("c", True), ("d", False)]
    result = account(posts, {"b": 2, "c": 1, "d": 1, "zz": 1}, {"b"})
    assert not result["ok"]
    assert result["lost"] == 1 and result["examples"]["lost"] == ["a"]
    assert result["duplicated"] == 1 and result["examples"]["duplicated"] == ["b"]
    assert result["unexpected"] == 1 and result["examples"]["unexpected"] == ["zz"]
    assert result["stored_without_302"] == 1  # "d": stored, but its POST got no 302
    assert result["double_posted_stored_once"] == 0


def test_a_double_post_that_was_not_thanked_is_not_required_to_be_stored():
    result = account([("a", False), ("a", False)], {}, {"a"})
    assert result["ok"] and result["double_posted"] == 0
