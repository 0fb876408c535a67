"""Disabling an account ends its sessions and its API tokens at once, however it is disabled."""

import logging

from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from accounts.deactivation import end_sessions_and_tokens
from api.models import ApiToken
from api.services import create_token
from tests.conftest import PASSWORD, make_user


def signed_in_client(username):
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("home:start")).status_code == 200
    return client


def api_status(key):
    return Client().get("/api/v1/cases/", HTTP_AUTHORIZATION=f"Token {key}").status_code


def test_disabling_ends_every_session_and_token(karlskoga, org_admin, coordinator, caplog):
    laptop, phone = signed_in_client("org_admin"), signed_in_client("org_admin")
    colleague = signed_in_client("coordinator")
    _token, key = create_token(karlskoga, by=org_admin, name="Ärendesystem")
    _other, other_key = create_token(karlskoga, by=coordinator, name="Statistik")
    assert api_status(key) == 200

    with caplog.at_level(logging.INFO, logger="barnratt.security"):
        org_admin.is_active = False
        org_admin.save()

    for client in (laptop, phone):
        response = client.get(reverse("home:start"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    stored = [session.get_decoded().get("_auth_user_id") for session in Session.objects.all()]
    assert str(org_admin.pk) not in stored
    assert api_status(key) == 401
    assert ApiToken.objects.get(name="Ärendesystem").revoked_at is not None
    # Nobody else is touched.
    assert colleague.get(reverse("home:start")).status_code == 200
    assert api_status(other_key) == 200
    events = [r.security for r in caplog.records if r.name == "barnratt.security"]
    ended = [event for event in events if event["event"] == "access_ended"]
    assert ended[0]["user_id"] == org_admin.pk
    assert ended[0]["api_tokens"] == 1 and ended[0]["sessions"] == 2


def test_enabling_again_does_not_bring_old_sessions_back(org_admin):
    client = signed_in_client("org_admin")
    session_key = client.session.session_key
    org_admin.is_active = False
    org_admin.save(update_fields=["is_active"])
    org_admin.is_active = True
    org_admin.save(update_fields=["is_active"])
    # Even a copy of the old session cookie signs no one in.
    thief = Client()
    thief.cookies["sessionid"] = session_key
    assert thief.get(reverse("home:start")).status_code == 302
    assert client.get(reverse("home:start")).status_code == 302
    assert signed_in_client("org_admin")  # the person can sign in again


def test_disabling_in_the_admin_ends_the_sessions(karlskoga, coordinator):
    victim = signed_in_client("coordinator")
    _token, key = create_token(karlskoga, by=coordinator, name="Ärendesystem")
    staff = make_user("staff", is_staff=True, is_superuser=True)
    admin = Client()
    admin.force_login(staff)
    url = reverse("admin:accounts_user_change", args=[coordinator.pk])
    assert admin.get(url).status_code == 200
    response = admin.post(
        url,
        {
            "username": coordinator.username,
            "first_name": coordinator.first_name,
            "last_name": coordinator.last_name,
            "email": "",
            "title": "",
            # is_active left out: the box is unticked
            "date_joined_0": "2026-01-01",
            "date_joined_1": "08:00:00",
            "sso_identities-TOTAL_FORMS": "0",
            "sso_identities-INITIAL_FORMS": "0",
            "sso_identities-MIN_NUM_FORMS": "0",
            "sso_identities-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    coordinator.refresh_from_db()
    assert not coordinator.is_active
    assert victim.get(reverse("home:start")).status_code == 302
    assert api_status(key) == 401


def test_the_session_generation_ends_sessions_in_any_session_store(coordinator, settings):
    # Signed-cookie sessions are stored nowhere on the server: only the check can end them.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
    client = signed_in_client("coordinator")
    end_sessions_and_tokens(coordinator)  # what disabling does, on a still-active account
    assert client.get(reverse("home:start")).status_code == 302


def test_saving_an_active_user_ends_nothing(coordinator):
    client = signed_in_client("coordinator")
    coordinator.title = "Samordnare"
    coordinator.save()
    assert client.get(reverse("home:start")).status_code == 200


def disable_url(organisation, person):
    return reverse("accounts:disable_account", args=[organisation.pk, person.pk])


def test_a_coordinator_disables_a_colleague_in_the_app(karlskoga, coordinator, case_officer):
    from core.models import AuditEntry

    victim = signed_in_client("case_officer")
    manager = signed_in_client("coordinator")
    people = manager.get(reverse("organisations:people", args=[karlskoga.pk]))
    assert disable_url(karlskoga, case_officer) in people.text
    assert disable_url(karlskoga, coordinator) not in people.text  # not oneself
    assert manager.get(disable_url(karlskoga, case_officer)).status_code == 200
    case_officer.refresh_from_db()
    assert case_officer.is_active  # the GET only asks

    response = manager.post(disable_url(karlskoga, case_officer))
    assert response["Location"] == reverse("organisations:people", args=[karlskoga.pk])
    case_officer.refresh_from_db()
    assert not case_officer.is_active
    assert victim.get(reverse("home:start")).status_code == 302
    entry = AuditEntry.objects.get(
        content_type__model="user", object_id=str(case_officer.pk), actor=coordinator
    )
    assert "is_active" in entry.changes
    people = manager.get(reverse("organisations:people", args=[karlskoga.pk]))
    assert "kontot avstängt" in people.text
    assert disable_url(karlskoga, case_officer) not in people.text


def test_nobody_disables_someone_who_also_works_elsewhere(
    karlskoga, degerfors, coordinator, case_officer
):
    from organisations import services
    from organisations.roles import Role

    services.add_member(degerfors, by=None, user=case_officer, role=Role.READER)
    manager = signed_in_client("coordinator")
    assert manager.post(disable_url(karlskoga, case_officer)).status_code == 403
    case_officer.refresh_from_db()
    assert case_officer.is_active


def test_nor_themselves_nor_someone_outside_the_organisation(
    karlskoga, degerfors, coordinator, outsider
):
    manager = signed_in_client("coordinator")
    assert manager.post(disable_url(karlskoga, coordinator)).status_code == 403
    assert manager.post(disable_url(karlskoga, outsider)).status_code == 404
    assert manager.post(disable_url(degerfors, outsider)).status_code == 404
