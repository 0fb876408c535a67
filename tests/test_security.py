"""Login guessing is limited; sessions rotate, end at logout and expire when idle.

Error pages are Swedish and show no traceback.
"""

import time

import pytest
from django.test import Client
from django.urls import reverse

from core.middleware import LAST_SEEN_KEY
from tests.conftest import PASSWORD


def login(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_login_with_the_right_password_reaches_the_start_page(client, coordinator):
    response = login(client, "coordinator", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home:start")


def test_wrong_password_shows_a_swedish_message_and_keeps_the_user_name(client, coordinator):
    response = login(client, "coordinator", "wrong")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Ange ett korrekt användarnamn och lösenord" in content
    assert 'value="coordinator"' in content


def test_an_address_is_locked_after_repeated_failures(client, coordinator, settings):
    # Any names: one name alone is slowed long before (tests/accounts/test_login_throttling.py).
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, f"guess-{attempt}", "wrong")
    response = login(client, "coordinator", PASSWORD)
    assert response.status_code == 429
    assert "För många misslyckade försök" in response.content.decode()


def test_session_key_rotates_at_login(client, coordinator):
    client.get(reverse("accounts:login"))
    client.session.save()
    before = client.session.session_key
    login(client, "coordinator", PASSWORD)
    assert client.session.session_key != before


def test_logout_ends_the_session(coordinator_client):
    coordinator_client.post(reverse("accounts:logout"))
    response = coordinator_client.get(reverse("home:start"))
    assert response.status_code == 302


def test_idle_session_is_logged_out(coordinator_client, settings):
    session = coordinator_client.session
    session[LAST_SEEN_KEY] = int(time.time()) - settings.SESSION_IDLE_TIMEOUT - 5
    session.save()
    response = coordinator_client.get(reverse("home:start"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_active_session_stays(coordinator_client):
    session = coordinator_client.session
    session[LAST_SEEN_KEY] = int(time.time()) - 120
    session.save()
    assert coordinator_client.get(reverse("home:start")).status_code == 200


def test_404_page_is_swedish_and_has_no_traceback(client, db):
    response = client.get("/finns-inte/")
    content = response.content.decode()
    assert response.status_code == 404
    assert "Sidan kunde inte hittas" in content
    assert "Traceback" not in content


def test_csrf_failure_page_is_swedish(coordinator):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(coordinator)
    response = strict.post(reverse("accounts:logout"))
    assert response.status_code == 403
    assert "Formuläret kunde inte skickas" in response.content.decode()


def test_server_error_page_is_friendly(client, db, settings):
    from core.views.errors import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert "Något gick fel hos oss" in response.content.decode()


def test_permission_denied_page_is_swedish(case_officer_client, karlskoga):
    response = case_officer_client.get(reverse("organisations:body_create", args=[karlskoga.pk]))
    assert response.status_code == 403
    assert "Du har inte behörighet" in response.content.decode()


def test_responses_carry_security_headers(client, db):
    response = client.get(reverse("home:home"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("url_name", ["home:home", "home:accessibility", "convention:articles"])
def test_pages_have_no_inline_script(client, db, url_name):
    content = client.get(reverse(url_name)).content.decode()
    assert "<script>" not in content
    assert " onclick=" not in content
