"""A case from creation to decision in Chromium, as the case officer, the reviewer and the
decision-maker; axe-core checks every page on the way."""

import pytest
from playwright.sync_api import expect

from assessments.models import Case
from organisations.models import Organisation

from .conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def click_and_check(page, selector):
    page.click(selector)
    page.wait_for_load_state()
    assert_accessible(page)


def test_case_from_creation_to_decision(browser, live_server, demo):
    karlskoga = Organisation.objects.get(scb_code="1883")
    officer = browser.new_context(bypass_csp=True, locale="sv-SE").new_page()
    log_in(officer, live_server, "handlaggare")
    officer.goto(f"{live_server.url}/organisations/{karlskoga.pk}/cases/new/")
    assert_accessible(officer)
    officer.select_option("#id_body", label="Kultur- och fritidsnämnden")
    officer.fill("#id_case_number", "KFN 2026/99")
    officer.fill("#id_title", "Nya öppettider i simhallen")
    click_and_check(officer, "form.form button[type=submit]")
    expect(officer.locator("h1")).to_have_text("Nya öppettider i simhallen")
    officer.click("text=Påbörja prövningen")
    assert_accessible(officer)
    officer.get_by_label("Prövning av barnets bästa (standard)").first.check()
    click_and_check(officer, "form.form button[type=submit]")

    officer.check("#id_children_affected_0")  # yes
    officer.check("input[name=child_groups][value=age_6_12]")
    officer.check("input[name=articles][value='31']")
    officer.check("#id_children_heard_0")
    for name, text in [
        ("how_heard", "Enkät i skolorna"),
        ("views_summary", "Längre öppet på helger"),
        ("facts", "800 barn i åldern 6–12"),
        ("research", "Simkunnighet"),
        ("law", "Skollagen"),
        ("best_interests", "Öppet på helger"),
        ("other_interests", "Personalkostnad"),
        ("feedback_plan", "Via skolorna"),
    ]:
        officer.fill(f"#id_{name}", text)
    officer.check("#id_against_best_interests_1")  # no
    officer.select_option("#id_consequences__age_6_12__effect", "positive")
    officer.click("button[value=submit]")
    officer.wait_for_load_state()
    assert_accessible(officer)
    case = Case.objects.get(case_number="KFN 2026/99")
    assert case.assessment.status == "submitted"
    assert case.assessment.answers["consequences"] == {"age_6_12": {"effect": "positive"}}

    reviewer = browser.new_context(bypass_csp=True, locale="sv-SE").new_page()
    log_in(reviewer, live_server, "beslutsfattare")
    assert "KFN 2026/99" in reviewer.inner_text("main")  # waiting on the start page
    reviewer.goto(f"{live_server.url}/cases/{case.pk}/review/")
    assert_accessible(reviewer)
    click_and_check(reviewer, "button[value=approve]")
    reviewer.click("text=Registrera beslutet")
    assert_accessible(reviewer)
    reviewer.fill("#id_outcome", "Simhallen har öppet på söndagar.")
    reviewer.fill("#id_decided_on", "2026-11-25")
    reviewer.check("#id_follows_best_interests_0")
    click_and_check(reviewer, "form.form button[type=submit]")
    case.refresh_from_db()
    assert case.status == "decided"

    for path in [
        f"/cases/{case.pk}/",
        f"/cases/{case.pk}/assessment/print/",
        "/cases/?status=decided",
        "/templates/",
    ]:
        officer.goto(f"{live_server.url}{path}")
        assert_accessible(officer)


def test_coordinator_copies_edits_and_publishes_a_template(page, live_server, demo):
    log_in(page, live_server, "samordnare")
    page.goto(f"{live_server.url}/templates/")
    page.click("text=Endast inledande bedömning")
    assert_accessible(page)
    page.click("text=Kopiera för att redigera")
    page.wait_for_load_state()
    assert_accessible(page)
    page.select_option("#id_section", index=0)
    page.select_option("#id_kind", "free_text")
    page.fill("#id_text_sv", "Vilka skolor berörs?")
    page.click("button:has-text('Lägg till frågan')")
    expect(page.locator(".question-list")).to_contain_text("Vilka skolor berörs?")
    assert_accessible(page)
    page.click("button:has-text('Publicera den här versionen')")
    page.wait_for_load_state()
    assert "Vilka skolor berörs?" in page.inner_text("main")
    assert_accessible(page)


def test_two_officers_editing_the_same_assessment(browser, live_server, demo):
    case = Case.objects.get(case_number="KS 2026/101")
    first, second = (browser.new_context(bypass_csp=True).new_page() for _ in range(2))
    log_in(first, live_server, "handlaggare")
    log_in(second, live_server, "samordnare")
    first.goto(f"{live_server.url}/cases/{case.pk}/assessment/start/")
    first.get_by_label("Prövning av barnets bästa (standard)").first.check()
    first.click("form.form button[type=submit]")
    first.wait_for_url(f"**/cases/{case.pk}/assessment/")
    second.goto(f"{live_server.url}/cases/{case.pk}/assessment/")
    first.check("#id_children_affected_1")  # no
    first.click("button[value=save]:visible")
    first.wait_for_load_state()
    second.check("#id_children_affected_0")  # yes
    second.click("button[value=save]:visible")
    expect(second.locator(".errorsummary")).to_contain_text("Inget skrevs över")
    assert_accessible(second)
    case.assessment.refresh_from_db()
    assert case.assessment.answers["children_affected"] == "no"


def test_the_draft_saves_itself_while_the_officer_writes(browser, live_server, demo):
    case = Case.objects.get(case_number="KS 2026/101")
    page = browser.new_context().new_page()  # under the real Content-Security-Policy
    log_in(page, live_server, "handlaggare")
    page.goto(f"{live_server.url}/cases/{case.pk}/assessment/start/")
    page.get_by_label("Prövning av barnets bästa (standard)").first.check()
    page.click("form.form button[type=submit]")
    page.wait_for_url(f"**/cases/{case.pk}/assessment/")
    page.check("#id_children_affected_1")  # no
    page.fill("#id_not_affected_reason", "Gäller belysning på vägar där barn inte färdas")
    page.locator("#id_not_affected_reason").blur()
    expect(page.locator("#autosave-status")).to_contain_text("Utkastet sparades")
    case.assessment.refresh_from_db()
    assert case.assessment.answers["children_affected"] == "no"
    page.click("button[value=save]:visible")  # the refreshed version lets a manual save through
    expect(page.locator(".message--success")).to_be_visible()
