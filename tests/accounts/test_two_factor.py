"""Two-factor authentication with real TOTP codes (RFC 6238, django_otp.oath.totp)."""

import logging
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import PASSWORD, make_user

SECURITY_LOGGER = "barnratt.security"


@pytest.fixture(autouse=True)
def _no_throttle(settings):
    # django-otp slows guessing by waiting after each wrong code; these tests try a wrong code
    # and then the right one at once.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def code(device, steps_ahead=0):
    """The code the authenticator app shows now (or that many 30-second steps later)."""
    value = totp(
        device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=steps_ahead
    )
    return f"{value:06d}"


def enrol(client):
    """Enrol through the pages as a person would; return the device and the recovery codes."""
    response = client.post(reverse("accounts:two_factor_start"))
    assert response["Location"] == reverse("accounts:two_factor_setup")
    page = client.get(reverse("accounts:two_factor_setup"))
    assert page.status_code == 200
    assert 'src="data:image/svg+xml' in page.text  # the QR code, allowed by the CSP
    device = TOTPDevice.objects.get(user=page.context["user"], confirmed=False)
    done = client.post(reverse("accounts:two_factor_setup"), {"code": code(device)})
    assert done.status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    return device, done.context["codes"]


def password_step(client, username, next_url=None):
    data = {"username": username, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("accounts:login"), data)


def is_signed_in(client):
    return client.get(reverse("home:start")).status_code == 200


@pytest.fixture
def enrolled(client, coordinator):
    client.force_login(coordinator)
    device, codes = enrol(client)
    client.post(reverse("accounts:logout"))
    return device, codes


def test_enrolment_shows_a_qr_code_of_the_secret_and_confirms_with_a_code(
    coordinator_client, coordinator
):
    coordinator_client.post(reverse("accounts:two_factor_start"))
    page = coordinator_client.get(reverse("accounts:two_factor_setup"))
    device = TOTPDevice.objects.get(user=coordinator)
    assert not device.confirmed
    secret_shown = page.context["secret"].replace(" ", "")
    assert secret_shown in parse_qs(urlsplit(device.config_url).query)["secret"][0]

    wrong = coordinator_client.post(reverse("accounts:two_factor_setup"), {"code": "000000"})
    assert wrong.status_code == 200 and "codes" not in wrong.context
    device.refresh_from_db()
    assert not device.confirmed

    done = coordinator_client.post(reverse("accounts:two_factor_setup"), {"code": code(device)})
    device.refresh_from_db()
    assert device.confirmed
    codes = done.context["codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(codes)
    assert coordinator_client.get(reverse("accounts:account")).context["two_factor_enrolled"]


def test_the_setup_page_changes_nothing_on_get(coordinator_client, coordinator):
    coordinator_client.get(reverse("accounts:two_factor_setup"))
    assert not TOTPDevice.objects.exists()


def test_sign_in_asks_for_the_code_and_makes_no_session_before_it(client, coordinator, enrolled):
    device, _codes = enrolled
    response = password_step(client, "coordinator", next_url="/accounts/account/")
    assert response["Location"] == reverse("accounts:login_code")
    assert not is_signed_in(client)  # the password alone is not enough

    wrong = client.post(reverse("accounts:login_code"), {"code": "123456"})
    assert wrong.status_code == 200
    assert not is_signed_in(client)

    right = client.post(reverse("accounts:login_code"), {"code": code(device, steps_ahead=1)})
    assert right["Location"] == "/accounts/account/"
    assert is_signed_in(client)


def test_a_code_is_not_accepted_twice(client, coordinator, enrolled):
    device, _codes = enrolled
    password_step(client, "coordinator")
    used = code(device, steps_ahead=1)
    client.post(reverse("accounts:login_code"), {"code": used})
    assert is_signed_in(client)
    client.post(reverse("accounts:logout"))
    password_step(client, "coordinator")
    client.post(reverse("accounts:login_code"), {"code": used})
    assert not is_signed_in(client)


def test_a_recovery_code_signs_in_once(client, coordinator, enrolled):
    _device, codes = enrolled
    password_step(client, "coordinator")
    client.post(reverse("accounts:login_code"), {"code": codes[0]})
    assert is_signed_in(client)
    client.post(reverse("accounts:logout"))
    password_step(client, "coordinator")
    client.post(reverse("accounts:login_code"), {"code": codes[0]})
    assert not is_signed_in(client)


def test_repeated_wrong_codes_send_back_to_the_password(client, coordinator, enrolled, caplog):
    device, _codes = enrolled
    password_step(client, "coordinator")
    with caplog.at_level(logging.INFO, logger=SECURITY_LOGGER):
        for _attempt in range(5):
            client.post(reverse("accounts:login_code"), {"code": "000000"})
    failures = [
        record.security
        for record in caplog.records
        if record.name == SECURITY_LOGGER and record.security["event"] == "2fa_failed"
    ]
    assert len(failures) == 5
    assert failures[0]["user_id"] == coordinator.pk and "code" not in failures[0]
    response = client.post(reverse("accounts:login_code"), {"code": code(device, 1)})
    assert response["Location"] == reverse("accounts:login")
    assert not is_signed_in(client)


def test_the_code_step_expires(client, coordinator, enrolled, settings):
    device, _codes = enrolled
    password_step(client, "coordinator")
    session = client.session
    pending = session["barnratt_2fa_pending"]
    pending["since"] = int(time.time()) - settings.TWO_FACTOR_PENDING_SECONDS - 1
    session["barnratt_2fa_pending"] = pending
    session.save()
    response = client.post(reverse("accounts:login_code"), {"code": code(device, 1)})
    assert response["Location"] == reverse("accounts:login")
    assert not is_signed_in(client)


def test_users_without_a_device_sign_in_with_the_password(client, case_officer):
    response = password_step(client, "case_officer")
    assert response["Location"] == reverse("home:start")
    assert is_signed_in(client)


def test_turning_it_off_needs_a_code(client, coordinator, enrolled):
    device, _codes = enrolled
    password_step(client, "coordinator")
    client.post(reverse("accounts:login_code"), {"code": code(device, 1)})

    refused = client.post(reverse("accounts:two_factor_disable"), {"code": "000000"})
    assert refused.status_code == 400
    assert TOTPDevice.objects.filter(user=coordinator).exists()

    client.post(reverse("accounts:two_factor_disable"), {"code": code(device, 2)})
    assert not TOTPDevice.objects.filter(user=coordinator).exists()
    assert not StaticDevice.objects.filter(user=coordinator).exists()


def test_admin_site_wants_the_verified_device_when_enrolled(client, db):
    staff = make_user("staff", is_staff=True, is_superuser=True)
    client.force_login(staff)
    assert client.get(reverse("admin:index")).status_code == 200
    device, _codes = enrol(client)  # enrolling verifies this session
    assert client.get(reverse("admin:index")).status_code == 200

    client = Client()
    client.force_login(staff)  # another session, without the second factor
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("accounts:two_factor_verify"))
    response = client.post(
        reverse("accounts:two_factor_verify"),
        {"code": code(device, 1), "next": reverse("admin:index")},
    )
    assert response["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_admin_login_goes_through_the_app_sign_in(client, db):
    make_user("staff", is_staff=True)
    response = client.get(reverse("admin:login") + "?next=/admin/")
    assert response["Location"] == reverse("accounts:login") + "?next=%2Fadmin%2F"
    assert client.post(reverse("admin:login"), {"username": "staff", "password": PASSWORD})[
        "Location"
    ].startswith(reverse("accounts:login"))
    assert not is_signed_in(client)


def test_organisation_admins_can_be_required_to_use_it(client, org_admin, settings):
    settings.REQUIRE_2FA_FOR_ADMINS = True
    password_step(client, org_admin.username)
    response = client.get(reverse("home:start"))
    assert response["Location"] == reverse("accounts:two_factor")
    device, _codes = enrol(client)
    assert client.get(reverse("home:start")).status_code == 200

    client.post(reverse("accounts:logout"))
    password_step(client, org_admin.username)
    client.post(reverse("accounts:login_code"), {"code": code(device, 1)})
    assert client.get(reverse("home:start")).status_code == 200


def test_superusers_are_required_to_use_it(client, db, settings):
    settings.REQUIRE_2FA_FOR_ADMINS = True
    make_user("plattform", is_superuser=True, is_staff=True)
    password_step(client, "plattform")
    assert client.get(reverse("organisations:onboard"))["Location"] == reverse(
        "accounts:two_factor"
    )
    enrol(client)
    assert client.get(reverse("organisations:onboard")).status_code == 200


def test_the_requirement_is_on_by_default_in_production(monkeypatch):
    import importlib

    import barnratt.settings as module

    monkeypatch.setenv("DJANGO_ENV", "production")
    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 50)
    monkeypatch.delenv("BARNRATT_REQUIRE_2FA_FOR_ADMINS", raising=False)
    monkeypatch.delenv("BARNRATT_REQUIRE_2FA_FOR_ORG_ADMINS", raising=False)
    try:
        assert importlib.reload(module).REQUIRE_2FA_FOR_ADMINS is True
        monkeypatch.setenv("BARNRATT_REQUIRE_2FA_FOR_ADMINS", "false")
        assert importlib.reload(module).REQUIRE_2FA_FOR_ADMINS is False
    finally:
        monkeypatch.undo()
        importlib.reload(module)


def test_the_requirement_leaves_other_roles_alone(client, coordinator, settings):
    settings.REQUIRE_2FA_FOR_ADMINS = True
    password_step(client, "coordinator")
    assert is_signed_in(client)


def test_the_admin_lists_devices_without_their_secrets(client, coordinator, db):
    device = TOTPDevice.objects.create(user=coordinator, name="authenticator", confirmed=True)
    staff = make_user("staff", is_staff=True, is_superuser=True)
    client.force_login(staff)
    page = client.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk]))
    assert page.status_code == 200
    assert device.key not in page.text


def test_an_enrolled_organisation_admin_without_a_verified_session_gives_the_code(
    client, org_admin, settings
):
    settings.REQUIRE_2FA_FOR_ADMINS = True
    client.force_login(org_admin)
    device, _codes = enrol(client)
    other = Client()
    other.force_login(org_admin)  # a session that never gave a code
    response = other.get(reverse("home:start") + "?a=1")
    assert response["Location"] == (
        reverse("accounts:two_factor_verify") + "?next=%2Fstart%2F%3Fa%3D1"
    )
    done = other.post(
        reverse("accounts:two_factor_verify"), {"code": code(device, 1), "next": "/start/?a=1"}
    )
    assert done["Location"] == "/start/?a=1"
    assert other.get(reverse("home:start")).status_code == 200
