"""The self-assessment and the child-friendly municipality cycle in Chromium: the coordinator
rates the seven factors on one page and reads the radar chart; the demo's overview, form, cycle
and delete confirmation pass axe-core."""

import pytest
from playwright.sync_api import expect

from planning.models import ActionPlan, ChildFriendlyAgreement, SelfAssessment

from .conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_rates_the_factors_and_reads_the_radar(page, live_server, demo):
    log_in(page, live_server, "samordnare")
    page.goto(f"{live_server.url}/self-assessments/")
    assert_accessible(page)
    page.click("main >> text=Ny självskattning i Karlskoga kommun")
    page.wait_for_load_state()
    page.fill("#id_year", "2026")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("Skatta framgångsfaktorerna 2026")
    assert_accessible(page)
    for factor in ("understand_conditions", "long_term_plan", "coordinate", "budget"):
        page.check(f"input[name='{factor}-level'][value='3']")
    page.check("input[name='training-level'][value='4']")
    page.fill("#id_training-links", "https://example.org/utbildning-barnkonventionen")
    page.fill("#id_budget-next_steps", "Barnbudget i alla nämnder 2027.")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    assert_accessible(page)
    radar = page.locator("svg[role=img]", has_text="De sju framgångsfaktorerna, 2026")
    expect(radar).to_contain_text("Självskattning 2026")
    expect(radar).to_contain_text("Självskattning 2025")
    expect(page.locator("main")).to_contain_text("Barnbudget i alla nämnder 2027.")
    assessment = SelfAssessment.objects.get(year=2026, body=None)
    assert assessment.ratings.get(factor="training").level == 4


def test_demo_self_assessment_cycle_and_delete_pages_are_accessible(page, live_server, demo):
    latest = SelfAssessment.objects.get(year=2025, body=None)
    agreement = ChildFriendlyAgreement.objects.get()
    plan = ActionPlan.objects.get(title="Handlingsplan för barnets rättigheter")
    area = plan.priorityarea_set.first()
    log_in(page, live_server, "samordnare")
    for path in [
        latest.get_absolute_url(),
        f"/self-assessments/{latest.pk}/edit/",
        "/child-friendly/",
        agreement.get_absolute_url(),
        f"/priority-areas/{area.pk}/delete/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)
    page.goto(f"{live_server.url}{agreement.get_absolute_url()}")
    expect(page.locator("[aria-current=step]")).to_contain_text("Handlingsplan")
