"""The network dashboard in Chromium: from the partnership's page to its members' key figures,
another year and a chosen indicator; axe-core checks every page on the way."""

import pytest
from playwright.sync_api import expect

from networks.models import Network

from .conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_compares_the_partnership(page, live_server, demo):
    network = Network.objects.get(name="Partnerskapet för barns rättigheter i praktiken")
    log_in(page, live_server, "samordnare")
    page.goto(f"{live_server.url}{network.get_absolute_url()}")
    page.click("main >> text=Nyckeltal sida vid sida")
    page.wait_for_load_state()
    expect(page.locator("h1")).to_contain_text("Nyckeltal för Partnerskapet")
    assert page.locator("main svg[role=img]").count() == 4
    assert page.locator("main table caption").count() == 4
    assert "Karlskoga kommun" in page.inner_text("main")
    assert_accessible(page)

    # Open a table: it is there for screen readers and keyboard users as well.
    page.click("text=Utbildningstäckning som tabell")
    expect(page.locator("table >> nth=3")).to_be_visible()
    assert_accessible(page)

    page.select_option("#id_year", str(int(page.input_value("#id_year")) - 1))
    page.locator("input[name=indicator]").first.check()
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("main svg[role=img]").count() == 5
    assert_accessible(page)
