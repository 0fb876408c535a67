"""The knowledge bank in Chromium: the public searches the public bank without logging in, a
coordinator searches with filters, reads an example and writes a new one; axe-core checks every
page on the way."""

import pytest
from playwright.sync_api import expect

from knowledge.models import Example

from .conftest import assert_accessible, log_in, menu_link

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def submit_and_check(page, selector="form.form button[type=submit]"):
    page.click(selector)
    page.wait_for_load_state()
    assert_accessible(page)


def test_the_public_searches_the_public_bank(page, live_server, demo):
    page.goto(f"{live_server.url}/public/examples/")
    assert_accessible(page)
    page.fill("#id_q", "budgeten")
    submit_and_check(page, "form[role=search] button[type=submit]")
    expect(page.locator("#results")).to_contain_text("Barnrättsbaserad beslutsprocess")
    expect(page.locator("#results")).not_to_contain_text("Tvärsektoriellt nätverk")
    page.click("#results >> text=Barnrättsbaserad beslutsprocess och barnbokslut")
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("Barnrättsbaserad beslutsprocess och barnbokslut")
    expect(page.locator("main")).to_contain_text("Region Kronoberg")
    assert_accessible(page)


def test_coordinator_searches_reads_and_writes_an_example(page, live_server, demo):
    log_in(page, live_server, "samordnare")
    page.click(menu_link(page, "Goda exempel"))
    page.wait_for_load_state()
    assert_accessible(page)
    page.fill("#id_q", "ungdomarna")
    page.select_option("#id_factor", "civil_society")
    submit_and_check(page, "form[role=search] button[type=submit]")
    expect(page.locator("#results")).to_contain_text("Kommunutvecklare")
    page.click("#results >> text=Kommunutvecklare: unga med sommarjobb förbättrar kommunen")
    page.wait_for_load_state()
    assert_accessible(page)
    page.click(menu_link(page, "Goda exempel"))
    page.wait_for_load_state()
    page.click("main >> text=Nytt gott exempel från Karlskoga kommun")
    page.wait_for_load_state()
    assert_accessible(page)
    page.fill("#id_title", "Barnbudget i alla nämnder")
    page.fill("#id_year", "2026")
    page.select_option("#id_visibility", "network")
    page.check("input[name=success_factors][value=budget]")
    page.fill("#id_description", "<p>Varje nämnd visar hur budgeten når barnen.</p>")
    page.fill("#id_contact", "Ekonomichefen")
    submit_and_check(page)
    expect(page.locator("h1")).to_have_text("Barnbudget i alla nämnder")
    assert Example.objects.get(title="Barnbudget i alla nämnder").visibility == "network"
    page.click("main >> text=Goda exempel")
    page.wait_for_load_state()
    page.fill("#id_q", "budgetar")
    submit_and_check(page, "form[role=search] button[type=submit]")
    expect(page.locator("#results")).to_contain_text("Barnbudget i alla nämnder")
