"""The yearly report in Chromium: the coordinator writes the texts of the joint committee's
draft, a decision-maker approves it, the coordinator publishes it, and anyone reads it without
logging in; axe-core checks the edit page, the preview and the public page."""

import pytest
from playwright.sync_api import expect

from reports.models import Report

from .conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def go(page, url):
    page.goto(url)
    page.wait_for_load_state()
    assert_accessible(page)


def test_joint_report_is_written_approved_published_and_read(page, live_server, demo, browser):
    report = Report.objects.get(body__name="Folkhälsonämnden", year=2026)
    log_in(page, live_server, "samordnare")
    go(page, f"{live_server.url}/reports/{report.pk}/")
    expect(page.locator("main")).to_contain_text("Karlskoga kommun")
    expect(page.locator("main")).to_contain_text("Degerfors kommun")
    page.click("text=Skriv texterna")
    page.wait_for_load_state()
    assert_accessible(page)
    page.fill("#id_priorities", "Fler barn ska få säga sitt.")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text("Fler barn ska få säga sitt.")

    page.context.clear_cookies()
    log_in(page, live_server, "beslutsfattare")
    go(page, f"{live_server.url}/reports/{report.pk}/")
    page.click("text=Godkänn bokslutet")
    page.wait_for_load_state()
    page.context.clear_cookies()
    log_in(page, live_server, "samordnare")
    go(page, f"{live_server.url}/reports/{report.pk}/")
    page.click("text=Publicera bokslutet")
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text("Version 1")

    page.context.clear_cookies()
    report.refresh_from_db()
    go(page, f"{live_server.url}{report.public_url()}")
    expect(page.locator("h1")).to_have_text(report.title)
    expect(page.locator("main")).to_contain_text("Fler barn ska få säga sitt.")


def test_published_report_in_english_and_on_a_phone(page, phone, live_server, demo):
    report = Report.objects.get(organisation__scb_code="1883", body=None, year=2025)
    go(page, f"{live_server.url}/rapporter/")
    page.click(f"main >> text={report.title}")
    page.wait_for_load_state()
    assert_accessible(page)
    assert page.locator("h1").count() == 1
    page.select_option("#language-select", "en")
    page.click(".language-form button")
    page.wait_for_selector("html[lang=en]")
    assert_accessible(page)
    expect(page.locator("main")).to_contain_text("Decisions and the child's best interests")
    phone.goto(f"{live_server.url}{report.public_url()}")
    assert_accessible(phone)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the report scrolls sideways on a phone ({width}px)"


def test_staff_list_and_create_pages_are_accessible(page, live_server, demo):
    log_in(page, live_server, "samordnare")
    go(page, f"{live_server.url}/reports/")
    page.click("main >> text=Nytt årsbokslut i Karlskoga kommun")
    page.wait_for_load_state()
    assert_accessible(page)
