"""Click through the main pages in Chromium as the demo users; axe-core finds nothing on any."""

import re

import pytest

from networks.models import Network
from organisations.models import Body, Organisation

from .conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def public_paths():
    return [
        "/",
        "/accounts/login/",
        "/accessibility/",
        "/convention/",
        "/convention/?q=barn",
        "/convention/article/12/",
        "/finns-inte/",
    ]


def staff_paths():
    karlskoga = Organisation.objects.get(scb_code="1883")
    body = Body.objects.get(name="Folkhälsonämnden")
    network = Network.objects.get(kind="cross_sectoral")
    return [
        "/start/",
        "/organisations/",
        f"/organisations/{karlskoga.pk}/",
        f"/organisations/{karlskoga.pk}/people/",
        f"/organisations/{karlskoga.pk}/people/add/",
        f"/organisations/{karlskoga.pk}/bodies/new/",
        f"/organisations/{karlskoga.pk}/networks/new/",
        f"/organisations/{karlskoga.pk}/population/add/",
        f"/organisations/{karlskoga.pk}/population-by-age/add/",
        f"/organisations/{karlskoga.pk}/who-was-heard/",
        "/bodies/",
        "/bodies/?kind=committee",
        f"/bodies/{body.pk}/",
        f"/bodies/{body.pk}/edit/",
        f"/bodies/{body.pk}/delete/",
        "/networks/",
        f"/networks/{network.pk}/",
        f"/networks/{network.pk}/edit/",
        f"/history/organisations.body/{body.pk}/",
        f"/history/organisations.organisation/{karlskoga.pk}/",
        "/accounts/password/",
        "/accounts/account/",
        f"/organisations/{karlskoga.pk}/retention/",
        # The lists the yearly account's counts link to, filtered as they are (issue 22).
        f"/cases/?organisation={karlskoga.pk}&decided_year=2026&counted=full_assessment",
        f"/consultations/?organisation={karlskoga.pk}&feedback=owed",
        "/activities/?year=2026&part=child_rights&status=ongoing",
        "/youth-forum-meetings/?year=2026",
        "/youth-forum-proposals/all/?year=2026&counted=answered",
    ]


def test_public_pages_have_no_axe_violations(page, live_server, demo):
    for path in public_paths():
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)


def test_staff_pages_have_no_axe_violations_in_swedish_and_english(page, live_server, demo):
    log_in(page, live_server, "samordnare")
    for path in staff_paths():
        page.goto(f"{live_server.url}{path}")
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)
    page.select_option("#language-select", "en")
    page.click(".language-form button")
    page.wait_for_selector("html[lang=en]")
    for path in staff_paths()[:6]:
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)


def test_form_with_errors_is_accessible_and_keeps_input(page, live_server, demo):
    log_in(page, live_server, "samordnare")
    karlskoga = Organisation.objects.get(scb_code="1883")
    page.goto(f"{live_server.url}/organisations/{karlskoga.pk}/bodies/new/")
    page.fill("#id_name", "Socialnämnden")
    page.fill("#id_description", "Mitt utkast")
    page.click("form.form button[type=submit]")
    page.wait_for_selector(".errorsummary")
    assert page.input_value("#id_description") == "Mitt utkast"
    assert page.get_attribute("#id_kind", "aria-invalid") == "true"
    assert_accessible(page)


def test_coordinator_creates_a_body_with_the_keyboard(page, live_server, demo):
    log_in(page, live_server, "samordnare")
    karlskoga = Organisation.objects.get(scb_code="1883")
    page.goto(f"{live_server.url}/organisations/{karlskoga.pk}/bodies/new/")
    page.focus("#id_name")
    page.keyboard.type("Miljönämnden")
    page.keyboard.press("Tab")
    page.select_option("#id_kind", "committee")
    page.focus("form.form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Miljönämnden')")
    assert Body.objects.filter(name="Miljönämnden", organisation=karlskoga).exists()


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page, live_server, demo):
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_article_search_updates_in_place_with_htmx(page, live_server, demo):
    page.goto(f"{live_server.url}/convention/")
    page.fill("#article-q", "lek")
    page.wait_for_function("document.querySelectorAll('#results li').length === 1")
    assert "Lek, vila, fritid och kultur" in page.inner_text("#results")
    assert re.search(r"q=lek", page.url)


def test_article_search_works_without_javascript(browser, live_server, demo):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/convention/")
    page.fill("#article-q", "lek")
    page.click("form.search button")
    page.wait_for_url(re.compile(r"q=lek"))
    assert page.locator("#results li").count() == 1
    context.close()


def test_pages_work_on_a_phone(phone, live_server, demo):
    log_in(phone, live_server, "handlaggare")
    for path in ["/start/", "/bodies/", "/convention/"]:
        phone.goto(f"{live_server.url}{path}")
        assert_accessible(phone)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} scrolls sideways on a phone ({width}px)"
