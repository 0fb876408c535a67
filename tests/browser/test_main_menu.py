"""The grouped main menu in Chromium: every group opens from the keyboard, its links are
reachable, it works without JavaScript, and axe-core finds nothing with a group open, on a
desktop and on a phone-sized window."""

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLANS = "/plans/"
GROUPS = {
    "Ärendearbete": ["Ärenden", "Mallar"],
    "Delaktighet": ["Dialoger", "Ungdomsforum"],
    "Planering": ["Plan", "Utbildning", "Barnbudget", "Bokslut"],
    "Kunskap": [
        "Statistik",
        "Goda exempel",
        "Kollegial granskning",
        "Nätverk",
        "Barnkonventionen",
        "Folkhälsopolitiken",
    ],
    "Organisation": ["Organisationer", "Organ", "Avtal och reglementen"],
}


def summary(page, label):
    return page.locator(f'.main-nav summary:text-is("{label}")')


def test_every_group_opens_and_shows_its_links(page, live_server, demo):
    log_in(page, live_server, "samordnare")
    nav = page.locator(".main-nav")
    expect(nav.locator('a:text-is("Start")')).to_be_visible()
    for group, links in GROUPS.items():
        expect(nav.locator(f'a:text-is("{links[0]}")')).to_be_hidden()
        summary(page, group).click()
        for label in links:
            expect(nav.locator(f'a:text-is("{label}")')).to_be_visible()
        assert_accessible(page)
    # Only one group is open at a time.
    assert page.locator(".main-nav details[open]").count() == 1


def test_the_keyboard_opens_a_group_and_follows_a_link(page, live_server, demo):
    log_in(page, live_server, "samordnare")
    summary(page, "Planering").focus()
    page.keyboard.press("Enter")
    expect(page.locator('.main-nav a:text-is("Plan")')).to_be_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Plan"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{PLANS}")
    # Escape closes an open group and puts focus back on its heading.
    summary(page, "Kunskap").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    expect(page.locator(".main-nav details[open]")).to_have_count(0)
    assert page.evaluate("document.activeElement.textContent") == "Kunskap"


def test_the_menu_works_without_javascript(browser, live_server, demo):
    context = browser.new_context(
        locale="sv-SE", viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    page = context.new_page()
    try:
        log_in(page, live_server, "samordnare")
        summary(page, "Delaktighet").click()
        page.click('.main-nav a:text-is("Ungdomsforum")')
        page.wait_for_load_state()
        assert page.url.endswith("/youth-forums/")
    finally:
        context.close()


def test_the_menu_on_a_phone(phone, live_server, demo):
    log_in(phone, live_server, "samordnare")
    assert_accessible(phone)
    summary(phone, "Kunskap").click()
    link = phone.locator('.main-nav a:text-is("Kollegial granskning")')
    expect(link).to_be_visible()
    # On a phone the group opens in the flow and nothing runs past the window's edge.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(phone)
    link.click()
    phone.wait_for_load_state()
    expect(phone.locator("h1")).to_be_visible()
