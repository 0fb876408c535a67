"""Joint bodies at work in Chromium (issue 21, "Done when"): the public-health team's coordinator
(a role on the team only) creates a consultation and a yearly account for the team; a reader in
Degerfors sees Folkhälsonämnden's policies; the cross-sectoral network's repeating meeting links
a case it prepares. axe-core checks every page on the way."""

import pytest
from playwright.sync_api import expect

from networks.models import Network
from organisations.models import Organisation
from participation.models import Consultation
from reports.models import Report

from .conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEAM = "Folkhälsoteamet norra Örebro län"
CROSS_SECTORAL = "Tvärsektoriellt nätverk för barnkonvention och folkhälsa"


def test_team_coordinator_creates_a_consultation_and_a_yearly_account(page, live_server, demo):
    nora = Organisation.objects.get(scb_code="1884")
    log_in(page, live_server, "nora")
    page.goto(f"{live_server.url}/organisations/{nora.pk}/consultations/new/")
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page)
    page.fill("#id_title", "Vad behöver unga i norra länet?")
    page.fill("#id_introduction", "Berätta vad som gör din vardag bra.")
    page.select_option("#id_body", label=TEAM)
    page.check("input[name=age_bands][value='13-17']")
    page.check("input[name=channels][value=online]")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    consultation = Consultation.objects.get(title="Vad behöver unga i norra länet?")
    assert consultation.body.name == TEAM

    page.goto(f"{live_server.url}/organisations/{nora.pk}/reports/new/")
    assert_accessible(page)
    page.fill("#id_year", "2026")
    page.select_option("#id_body", label=TEAM)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    report = Report.objects.get(organisation=nora, year=2026)
    assert report.body.name == TEAM
    expect(page.locator("h1")).to_contain_text("2026")
    assert_accessible(page)


def test_a_degerfors_reader_sees_folkhalsonamndens_policies(page, live_server, demo):
    log_in(page, live_server, "degerfors")
    page.goto(f"{live_server.url}/policies/")
    main = page.locator("main")
    expect(main).to_contain_text("Barn- och ungdomspolitisk policy")
    expect(main).to_contain_text("Folkhälsopolitisk policy")
    assert_accessible(page)
    page.click("main >> text=Barn- och ungdomspolitisk policy")
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text("Folkhälsonämnden")
    assert_accessible(page)


def test_the_networks_repeating_meeting_links_a_case_it_prepares(page, live_server, demo):
    network = Network.objects.get(name=CROSS_SECTORAL)
    log_in(page, live_server, "samordnare")
    page.goto(f"{live_server.url}{network.get_absolute_url()}")
    page.click("text=Lägg till återkommande möten")
    page.wait_for_load_state()
    assert_accessible(page)
    page.fill("#id_title", "Nätverkets träff 2027")
    page.fill("#id_interval", "3")
    page.fill("#id_starts_on", "2027-02-11")
    page.fill("#id_ends_on", "2027-12-31")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    series = network.series.get(title="Nätverkets träff 2027")
    assert series.meetings.count() == 4

    page.goto(f"{live_server.url}{series.get_absolute_url()}")
    expect(page.locator("main")).to_contain_text("Var 3:e månad")
    assert_accessible(page)
    page.click("main >> text=2027-05-11")
    page.wait_for_load_state()
    page.click("#cases >> text=Koppla ärenden")
    page.wait_for_load_state()
    page.check("label:has-text('KFN 2026/12')")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    expect(page.locator("#cases")).to_contain_text("Renovering av parken vid skolan")
    expect(page.locator("main")).to_contain_text("Nätverkets träff 2027")
    assert_accessible(page)
    page.click("#cases >> text=Renovering av parken vid skolan")
    page.wait_for_load_state()
    expect(page.locator("h1")).to_contain_text("Renovering av parken vid skolan")
