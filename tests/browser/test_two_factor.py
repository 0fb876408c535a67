"""Two-factor authentication in Chromium: enrolment from "My account" with the QR code, the
recovery codes, and the code prompt at the next sign-in; axe-core checks each page."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.conftest import PASSWORD, make_user

from .conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def code(device, steps_ahead):
    value = totp(
        device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=steps_ahead
    )
    return f"{value:06d}"


def test_enrol_and_sign_in_with_a_code(page, live_server, settings):
    # django-otp makes one wait a moment after a wrong code; here the right one follows at once.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    make_user("samordnare2")
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "samordnare2")
    page.fill("#id_password", PASSWORD)
    page.click("form.form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/start/")

    page.goto(f"{live_server.url}/accounts/account/")
    page.click("text=Inställningar för tvåfaktorsinloggning")
    expect(page.locator("h1")).to_have_text("Tvåfaktorsinloggning")
    assert_accessible(page)

    page.click("main >> text=Slå på tvåfaktorsinloggning")
    expect(page.locator("main img")).to_be_visible()  # the QR code
    assert_accessible(page)
    device = TOTPDevice.objects.get(user__username="samordnare2")
    page.fill("#id_code", code(device, 0))
    page.click("form.form button[type=submit]")
    expect(page.locator("h1")).to_have_text("Tvåfaktorsinloggning är på")
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    assert_accessible(page)

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "samordnare2")
    page.fill("#id_password", PASSWORD)
    page.click("form.form button[type=submit]")
    expect(page.locator("h1")).to_have_text("Kod från din app")
    assert_accessible(page)
    page.fill("#id_code", "000000")
    page.click("form.form button[type=submit]")
    expect(page.locator(".errorsummary")).to_be_visible()
    assert_accessible(page)  # the page with its error message
    page.fill("#id_code", code(device, 1))
    page.click("form.form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/start/")


def test_the_qr_code_shows_under_the_real_csp(browser, live_server):
    make_user("samordnare3")
    context = browser.new_context()  # no bypass_csp: the policy the site sends
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "samordnare3")
    page.fill("#id_password", PASSWORD)
    page.click("form.form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/start/")
    page.goto(f"{live_server.url}/accounts/account/two-factor/")
    page.click("main >> text=Slå på tvåfaktorsinloggning")
    image = page.locator("main img")
    expect(image).to_be_visible()
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    assert not problems, problems
    context.close()
