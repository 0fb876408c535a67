"""The security log: who did what, when, for sign-ins, refusals and changes to access, and a
disabled account's session ends at once. Never a password."""

import logging

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from organisations import services as org_services
from organisations.roles import Role
from tests.conftest import PASSWORD, make_user

SECURITY = "barnratt.security"


def events(caplog) -> list[dict]:
    return [r.security for r in caplog.records if r.name == SECURITY]


@pytest.fixture(autouse=True)
def _capture(caplog):
    caplog.set_level(logging.INFO, logger=SECURITY)


def test_sign_in_and_a_failed_sign_in_are_logged_without_the_password(client, coordinator, caplog):
    client.post(reverse("accounts:login"), {"username": "coordinator", "password": "fel-lösen-1"})
    client.post(reverse("accounts:login"), {"username": "coordinator", "password": PASSWORD})
    failed, signed_in = events(caplog)[:2]
    assert failed["event"] == "login_failed" and failed["attempted_username"] == "coordinator"
    assert signed_in["event"] == "login" and signed_in["user_id"] == coordinator.pk
    assert "fel-lösen-1" not in caplog.text and PASSWORD not in caplog.text


def test_a_refusal_is_logged_with_who_and_where(
    case_officer_client, case_officer, karlskoga, caplog
):
    # A case officer may not manage the organisation's people.
    url = reverse("organisations:add_person", args=[karlskoga.pk])
    assert case_officer_client.get(url).status_code == 403
    (denied,) = [e for e in events(caplog) if e["event"] == "permission_denied"]
    assert denied["user_id"] == case_officer.pk and denied["path"] == url


def test_a_role_given_in_the_app_is_an_access_change(coordinator, karlskoga, caplog):
    person = make_user("ny_handlaggare")
    org_services.add_member(karlskoga, by=coordinator, user=person, role=Role.CASE_OFFICER)
    (change,) = [e for e in events(caplog) if e["event"] == "access_change"]
    assert change["object_type"] == "membership" and change["user_id"] == coordinator.pk
    assert change["organisation_id"] == karlskoga.pk


def test_an_admin_edit_is_logged(coordinator, caplog):
    LogEntry.objects.create(
        user=coordinator,
        content_type=ContentType.objects.get_for_model(coordinator),
        object_id=str(coordinator.pk),
        object_repr=str(coordinator),
        action_flag=CHANGE,
    )
    (change,) = [e for e in events(caplog) if e["event"] == "admin_change"]
    assert change["action"] == "update" and change["object_type"] == "user"


def test_a_disabled_account_is_signed_out_at_once(coordinator_client, coordinator):
    assert coordinator_client.get(reverse("home:start")).status_code == 200
    coordinator.is_active = False
    coordinator.save(update_fields=["is_active"])
    response = coordinator_client.get(reverse("home:start"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
