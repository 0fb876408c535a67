"""What leaves the server (issue 23): nothing personal is cached, a refusal is one log line,
and stored rich text is cleaned again where it is shown."""

import logging

from django.urls import reverse

from assessments.models import Case


def test_a_signed_in_page_is_not_stored(coordinator_client, case):
    response = coordinator_client.get(reverse("assessments:case_detail", args=[case.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_an_export_is_not_stored(coordinator_client, case):
    for fmt in ("csv", "xlsx"):
        response = coordinator_client.get(reverse("assessments:case_list_export", args=[fmt]))
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"], fmt


def test_an_api_answer_is_not_stored(client, karlskoga):
    from api import services

    _token, key = services.create_token(karlskoga, by=None, name="Diariet")
    response = client.get(reverse("api:case_list"), HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_a_public_page_may_be_cached(client, db):
    response = client.get(reverse("home:accessibility"))
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_refusal_is_logged_as_one_line_without_a_traceback(
    case_officer_client, karlskoga, caplog
):
    caplog.set_level(logging.INFO)
    response = case_officer_client.get(reverse("organisations:body_create", args=[karlskoga.pk]))
    assert response.status_code == 403
    records = [r for r in caplog.records if r.levelno >= logging.INFO]
    assert [r.getMessage() for r in records] == ["permission_denied"]
    assert not any(r.exc_info for r in records)


def test_rich_text_written_past_the_sanitiser_is_cleaned_on_the_page(coordinator_client, case):
    Case.objects.filter(pk=case.pk).update(
        description="<p>Underlag <strong>bifogas</strong></p><script>alert(1)</script>"
        '<img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>'
    )
    page = coordinator_client.get(reverse("assessments:case_detail", args=[case.pk]))
    content = page.content.decode()
    assert "<strong>bifogas</strong>" in content
    assert "alert(" not in content
