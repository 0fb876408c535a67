"""The action plan in Chromium: a coordinator creates a plan, a priority area, a goal and an
activity, records a follow-up and reads the overview with its timeline; axe-core checks every
page on the way."""

import pytest
from playwright.sync_api import expect

from planning.models import ActionPlan, Activity, FollowUp, Policy

from .conftest import assert_accessible, log_in, menu_link

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Handlingsplan för barnets rättigheter i Karlskoga"


def click_and_check(page, selector):
    page.click(selector)
    page.wait_for_load_state()
    assert_accessible(page)


def test_coordinator_builds_and_follows_up_a_plan(page, live_server, demo):
    log_in(page, live_server, "samordnare")
    assert "Revidera Barn- och ungdomspolitisk policy" in page.inner_text("main")
    assert_accessible(page)
    click_and_check(page, menu_link(page, "Plan"))
    click_and_check(page, "main >> text=Ny handlingsplan i Karlskoga kommun")
    page.fill("#id_title", TITLE)
    page.fill("#id_start_year", "2027")
    page.fill("#id_end_year", "2029")
    click_and_check(page, "form.form button[type=submit]")
    expect(page.locator("h1")).to_have_text(TITLE)
    plan = ActionPlan.objects.get(title=TITLE)

    click_and_check(page, "text=Lägg till ett prioriterat område")
    page.fill("#id_title", "Barns fritid")
    click_and_check(page, "form.form button[type=submit]")
    click_and_check(page, "text=Lägg till ett mål i Barns fritid")
    page.fill("#id_title", "Alla barn har en meningsfull fritid")
    page.check("input[name=success_factors][value=civil_society]")
    page.fill("#id_indicator_codes", "N00945")
    click_and_check(page, "form.form button[type=submit]")
    click_and_check(page, "text=Lägg till en aktivitet för Alla barn har en meningsfull fritid")
    page.fill("#id_title", "Lovaktiviteter med föreningslivet")
    page.fill("#id_starts_on", "2027-06-01")
    page.fill("#id_ends_on", "2028-08-31")
    click_and_check(page, "form.form button[type=submit]")
    expect(page.locator("h1")).to_have_text("Lovaktiviteter med föreningslivet")
    activity = Activity.objects.get(plan=plan)

    click_and_check(page, "text=Registrera en uppföljning")
    page.fill("#id_period", "2027")
    page.select_option("#id_status", "ongoing")
    page.fill("#id_result", "Fyra föreningar ordnade aktiviteter på sommarlovet.")
    page.fill("#id_effects_for_children", "120 barn deltog, hälften för första gången.")
    page.select_option("#id_goal_reached", "partly")
    page.check("#id_more_measures_needed")
    click_and_check(page, "form.form button[type=submit]")
    expect(page.locator("main")).to_contain_text("120 barn deltog")
    assert FollowUp.objects.get(activity=activity).goal_reached == "partly"

    page.goto(f"{live_server.url}{plan.get_absolute_url()}")
    assert_accessible(page)
    timeline = page.locator("svg[role=img]", has_text="Aktiviteternas tidslinje")
    expect(timeline.locator("tspan", has_text="föreningslivet")).to_have_count(1)  # wrapped whole
    expect(timeline).to_contain_text("Pågår")
    table = page.locator("table", has_text="Tidslinjen som tabell")
    expect(table).to_contain_text("Lovaktiviteter med föreningslivet")


def test_demo_plan_and_policy_pages_are_accessible(page, live_server, demo):
    plan = ActionPlan.objects.get(title="Handlingsplan för barnets rättigheter")
    policy = Policy.objects.get(title="Folkhälsopolitiskt program")
    activity = Activity.objects.filter(plan=plan, follow_ups__isnull=False).first()
    log_in(page, live_server, "samordnare")
    for path in [
        plan.get_absolute_url(),
        "/plans/",
        "/policies/",
        "/policies/?status=due",
        policy.get_absolute_url(),
        f"/policies/{policy.pk}/edit/",
        f"/organisations/{policy.organisation_id}/policies/new/",
        activity.get_absolute_url(),
        f"/goals/{activity.goal_id}/edit/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)
    page.goto(f"{live_server.url}{plan.get_absolute_url()}")
    charts = page.locator("svg[role=img]")
    expect(charts).to_have_count(4)  # progress in three priority areas, and the timeline
