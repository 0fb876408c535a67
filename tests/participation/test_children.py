"""The children's pages: reached by code or link, answered once, friendly when closed or
unknown, script shown as text, no personal data stored."""

import re

import pytest
from django.urls import reverse

from participation import services
from participation.models import Answer, Consultation, Response

URL_KEY = re.compile(r'name="submission_key" value="([^"]+)"')


def form_data(client, consultation, **overrides):
    page = client.get(consultation.children_path())
    key = URL_KEY.search(page.content.decode())[1]
    data = {"submission_key": key, "age_band": "6-12"}
    for question in consultation.questions.all():
        name = f"q{question.pk}"
        if question.kind == "scale":
            data[name] = "5"
        elif question.kind == "single":
            data[name] = "1"
        elif question.kind == "multiple":
            data[name] = ["0", "1"]
        elif question.kind == "ranking":
            for index in range(len(question.options)):
                data[f"{name}_{index}"] = str(index + 1)
        else:
            data[name] = "Mer ljus vid gången"
    data.update(overrides)
    return data


def test_a_typed_code_leads_to_the_question(client, consultation):
    response = client.post(
        reverse("participation:child_start"), {"code": consultation.code.lower()}
    )
    assert response.status_code == 302
    assert response["Location"] == consultation.children_path()


def test_an_unknown_code_is_answered_kindly(client, db):
    response = client.post(reverse("participation:child_start"), {"code": "QQQQQQ"})
    assert response.status_code == 200
    assert "Vi hittade ingen fråga med den koden" in response.content.decode()
    assert client.get("/b/QQQQQQ/").status_code == 404


def test_a_draft_is_not_shown(client, draft):
    response = client.get(draft.children_path())
    assert response.status_code == 404
    assert "Vi hittade inte frågan" in response.content.decode()


def test_a_child_answers_and_is_thanked(client, consultation):
    data = form_data(client, consultation)
    response = client.post(consultation.children_path(), data)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/b/{consultation.code}/tack/")
    stored = Response.objects.get(consultation=consultation)
    assert stored.age_band == "6-12"
    ranking = stored.answers.get(question__kind="ranking")
    assert ranking.value == [0, 1, 2]
    assert "Tack för dina svar" in client.get(response["Location"]).content.decode()


def test_posting_the_same_form_twice_stores_one_response(client, consultation):
    data = form_data(client, consultation)
    client.post(consultation.children_path(), data)
    client.post(consultation.children_path(), data)
    assert Response.objects.filter(consultation=consultation).count() == 1


def test_nothing_identifying_is_stored(client, consultation):
    client.post(
        consultation.children_path(),
        form_data(client, consultation),
        REMOTE_ADDR="203.0.113.7",
        HTTP_USER_AGENT="Mozilla/5.0 Testbrowser",
    )
    values = " ".join(str(value) for value in Response.objects.values().get().values())
    assert "203.0.113.7" not in values and "Testbrowser" not in values
    # No device hash, nor anything else that links the answer to a device (decision 0035).
    fields = {field.name for field in Response._meta.get_fields()}
    assert not {"client_hash", "device", "ip_address", "user_agent"} & fields


def test_the_honeypot_stores_nothing(client, consultation):
    data = form_data(client, consultation, website="http://spam.example")
    response = client.post(consultation.children_path(), data)
    assert response.status_code == 302
    assert not Response.objects.exists()


def test_too_long_answers_are_refused_with_a_message(client, consultation):
    text_question = consultation.questions.get(kind="text")
    data = form_data(client, consultation, **{f"q{text_question.pk}": "a" * 2001})
    response = client.post(consultation.children_path(), data)
    assert response.status_code == 200
    assert "Din text har 2001 tecken och gränsen är 2000" in response.content.decode()
    assert not Response.objects.exists()


def test_one_place_per_option_in_a_ranking(client, consultation):
    ranking = consultation.questions.get(kind="ranking")
    data = form_data(client, consultation, **{f"q{ranking.pk}_0": "1", f"q{ranking.pk}_1": "1"})
    response = client.post(consultation.children_path(), data)
    assert "Ge varje plats bara en gång" in response.content.decode()
    assert not Response.objects.exists()


def test_script_in_free_text_is_stored_as_text_and_shown_as_text(
    client, consultation, dialogue_leader_user
):
    text_question = consultation.questions.get(kind="text")
    data = form_data(client, consultation, **{f"q{text_question.pk}": "<script>alert(1)</script>"})
    client.post(consultation.children_path(), data)
    answer = Answer.objects.get(question=text_question)
    assert answer.text == "<script>alert(1)</script>"


def test_a_closed_consultation_says_so_kindly(client, consultation, dialogue_leader_user):
    services.close_consultation(consultation, by=dialogue_leader_user)
    response = client.get(consultation.children_path())
    assert response.status_code == 200
    assert "Det går inte längre att svara" in response.content.decode()
    assert client.post(consultation.children_path(), {}).status_code == 200
    assert not Response.objects.exists()


def test_not_yet_open_by_date(client, consultation):
    import datetime

    Consultation.objects.filter(pk=consultation.pk).update(
        opens_on=datetime.date.today() + datetime.timedelta(days=3)
    )
    response = client.get(consultation.children_path())
    assert "Du kan svara från" in response.content.decode()


def test_feedback_appears_on_the_same_page(client, consultation, dialogue_leader_user):
    services.save_feedback(
        consultation,
        by=dialogue_leader_user,
        what_was_decided="Parken får nya lampor.",
        how_views_counted="Många av er ville ha ljus.",
        why="Det blir tryggare på kvällen.",
    )
    assert "Parken får nya lampor" not in client.get(consultation.children_path()).content.decode()
    services.publish_feedback(consultation, by=dialogue_leader_user)
    html = client.get(consultation.children_path()).content.decode()
    assert "Det här hände" in html and "Parken får nya lampor" in html


def test_english_only_where_offered(client, consultation):
    swedish = client.get(reverse("participation:child_page_en", args=[consultation.code]))
    assert "Skicka mina svar" in swedish.content.decode()
    services.update_consultation(
        consultation, by=None, offered_in_english=True, title_en="The park by the school"
    )
    english = client.get(reverse("participation:child_page_en", args=[consultation.code]))
    html = english.content.decode()
    assert "Send my answers" in html and "The park by the school" in html
    assert '<html lang="en">' in html


def test_the_childrens_page_needs_no_javascript_and_loads_only_the_counter(client, consultation):
    """The page works without JavaScript; the one script, our own and deferred, only adds the
    character counter to free-text answers (issue 22)."""
    html = client.get(consultation.children_path()).content.decode()
    assert re.findall(r"<script[^>]*>", html) == [
        '<script src="/static/js/child-counter.js" defer>'
    ]


@pytest.mark.parametrize("responses", [3, 40])
def test_childrens_page_queries_do_not_grow(
    client, consultation, responses, django_assert_max_num_queries
):
    for n in range(responses):
        services.submit_response(consultation, submission_key=f"k{n}", age_band="6-12", answers={})
    with django_assert_max_num_queries(6):
        assert client.get(consultation.children_path()).status_code == 200
