"""Public health in Chromium: anyone browses and searches the target areas; the public-health
team's coordinator records an agreement with its parties and writes a team plan under the
region's plan with target-area tags. axe-core checks every page on the way."""

import pytest
from playwright.sync_api import expect

from agreements.models import Agreement
from organisations.models import Organisation
from planning.models import ActionPlan, Goal

from .conftest import assert_accessible, log_in, menu_link

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_target_areas_are_browsable_and_searchable_without_logging_in(page, live_server, demo):
    page.goto(f"{live_server.url}/public-health/")
    assert_accessible(page)
    assert page.locator("main ol.target-areas li").count() == 8
    page.fill("#area-q", "levnadsvanor")
    expect(page.locator("main ol.target-areas li")).to_have_count(1)
    page.click("main ol.target-areas a")
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("Målområde 6: Levnadsvanor")
    assert_accessible(page)


def test_team_coordinator_records_an_agreement_and_a_team_plan(page, live_server, demo):
    nora = Organisation.objects.get(scb_code="1884")
    regional = ActionPlan.objects.get(kind=ActionPlan.Kind.REGIONAL_PUBLIC_HEALTH)
    log_in(page, live_server, "nora")
    page.click(menu_link(page, "Avtal och reglementen"))
    page.wait_for_load_state()
    assert_accessible(page)
    page.click("main >> text=Samverkansavtal om folkhälsoarbete i norra Örebro län")
    page.wait_for_load_state()
    assert "Påhittad andel" in page.inner_text("main")
    assert_accessible(page)

    page.goto(f"{live_server.url}/organisations/{nora.pk}/agreements/new/")
    page.fill("#id_title", "Avtal om gemensam folkhälsoenkät")
    page.select_option("#id_carried_out_by", label="Folkhälsoteamet norra Örebro län")
    page.fill("#id_starts_on", "2026-01-01")
    page.select_option("#id_parties-0-party", label="Nora kommun")
    page.fill("#id_parties-0-funding_share", "80")
    page.select_option("#id_parties-1-party", label="Region Örebro län")
    page.fill("#id_parties-1-funding_share", "40")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    assert "mer än 100" in page.inner_text("main")  # the shares add up to 120 %
    assert_accessible(page)
    page.fill("#id_parties-1-funding_share", "20")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("Avtal om gemensam folkhälsoenkät")
    assert_accessible(page)
    assert Agreement.objects.filter(title="Avtal om gemensam folkhälsoenkät").exists()

    page.goto(f"{live_server.url}/organisations/{nora.pk}/plans/new/")
    assert_accessible(page)
    page.select_option("#id_kind", "team")
    page.select_option("#id_body", label="Folkhälsoteamet norra Örebro län")
    page.fill("#id_title", "Teamets plan 2027")
    page.select_option("#id_builds_on", str(regional.pk))
    page.fill("#id_start_year", "2027")
    page.fill("#id_end_year", "2028")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("Teamets plan 2027")
    assert "Utgår från" in page.inner_text("main")
    page.click("text=Lägg till ett prioriterat område")
    page.fill("#id_title", "Goda levnadsvanor")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    page.click("text=Lägg till ett mål i Goda levnadsvanor")
    page.wait_for_load_state()
    assert_accessible(page)
    page.fill("#id_title", "Fler unga rör på sig")
    page.check("text=6. Levnadsvanor")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    assert "Folkhälsopolitiska målområden: 6" in page.inner_text("main")
    assert_accessible(page)
    goal = Goal.objects.get(title="Fler unga rör på sig")
    assert list(goal.target_areas.values_list("number", flat=True)) == [6]
