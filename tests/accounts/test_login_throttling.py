"""Login throttling an attacker cannot turn against a user (issue 23): the address that keeps
failing waits, the client's address comes through the trusted proxy only, and a user name is
slowed, never locked."""

import time

import pytest
from django.urls import reverse

from accounts import throttle
from tests.conftest import PASSWORD

ATTACKER = "203.0.113.66"
USER = "198.51.100.7"
PROXY = "127.0.0.1"


@pytest.fixture
def behind_nginx(settings):
    """As BARNRATT_TRUSTED_PROXIES=1 sets it: the address nginx put in X-Forwarded-For."""
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    settings.AXES_IPWARE_PROXY_COUNT = 0


def login(client, username, password, address, forwarded=None):
    return client.post(
        reverse("accounts:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY if forwarded is not False else address,
        HTTP_X_FORWARDED_FOR=forwarded or address,
    )


def later(monkeypatch, seconds):
    now = time.time() + seconds
    monkeypatch.setattr(throttle.time, "time", lambda: now)


def test_an_attacker_cannot_lock_a_user_out(client, coordinator, behind_nginx, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, "coordinator", "wrong", ATTACKER)
    assert login(client, "coordinator", PASSWORD, ATTACKER).status_code == 429
    # The name was slowed, not locked: after the longest wait its owner gets in from elsewhere.
    waiting = login(client, "coordinator", PASSWORD, USER)
    assert waiting.status_code == 429
    assert "Vänta" in waiting.content.decode()
    assert int(waiting["Retry-After"]) <= settings.LOGIN_NAME_MAX_DELAY_SECONDS


def test_the_user_gets_in_after_the_short_wait(client, coordinator, behind_nginx, monkeypatch):
    for _attempt in range(30):
        login(client, "coordinator", "wrong", ATTACKER)
    later(monkeypatch, 31)
    response = login(client, "coordinator", PASSWORD, USER)
    assert response.status_code == 302
    assert response["Location"] == reverse("home:start")


def test_an_address_that_keeps_failing_waits_15_minutes(client, coordinator, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        login(client, f"someone-{number}", "wrong", ATTACKER, forwarded=False)
    response = login(client, "coordinator", PASSWORD, ATTACKER, forwarded=False)
    assert response.status_code == 429
    assert "För många misslyckade försök" in response.content.decode()


def test_a_forged_forwarded_header_is_ignored_without_a_trusted_proxy(
    client, coordinator, settings
):
    # Without BARNRATT_TRUSTED_PROXIES the address is REMOTE_ADDR: a new X-Forwarded-For per
    # attempt does not escape the address's count.
    for number in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("accounts:login"),
            {"username": f"x{number}", "password": "wrong"},
            REMOTE_ADDR=ATTACKER,
            HTTP_X_FORWARDED_FOR=f"10.0.0.{number}",
        )
    response = login(client, "coordinator", PASSWORD, ATTACKER, forwarded=False)
    assert response.status_code == 429


def test_behind_the_proxy_only_the_entry_nginx_wrote_counts(client, coordinator, behind_nginx):
    # A client's own X-Forwarded-For comes first; nginx appends the address it saw.
    for number in range(20):
        login(client, f"x{number}", "wrong", ATTACKER, forwarded=f"10.0.0.{number}, {ATTACKER}")
    assert login(client, "coordinator", PASSWORD, ATTACKER).status_code == 429
    assert login(client, "coordinator", PASSWORD, USER).status_code == 302


def test_a_name_that_does_not_exist_is_slowed_the_same_way(client, db, behind_nginx):
    for _attempt in range(6):
        login(client, "nobody", "wrong", USER)
    assert login(client, "nobody", "wrong", USER).status_code == 429


def test_a_few_failures_cost_nothing(client, coordinator, behind_nginx):
    for _attempt in range(5):
        login(client, "coordinator", "wrong", USER)
    assert login(client, "coordinator", PASSWORD, USER).status_code == 302
