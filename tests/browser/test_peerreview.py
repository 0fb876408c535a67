"""A peer review end to end in Chromium, within the demo partnership: Haninge's coordinator
plans a review of Karlskoga, records an interview, a document, findings, ratings and a
recommendation, and reports; Karlskoga's coordinator answers, makes the recommendation an
activity in the action plan, and sees the reviewers' ratings on the self-assessment page.
axe-core checks every page on the way."""

import pytest
from playwright.sync_api import expect

from organisations.models import Organisation
from peerreview.models import PeerReview
from planning.models import Activity, FactorRating

from .conftest import assert_accessible, log_in, menu_link

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Kollegial granskning av Karlskoga 2026"


def go(page, selector):
    page.click(selector)
    page.wait_for_load_state()
    assert_accessible(page)


def submit(page):
    go(page, "form.form button[type=submit]")


def test_two_municipalities_run_a_peer_review_end_to_end(browser, live_server, demo):
    karlskoga = Organisation.objects.get(scb_code="1883")
    haninge = Organisation.objects.get(scb_code="0136")

    # Haninge plans and carries out the review (Degerfors shares a committee with Karlskoga).
    page = browser.new_context(locale="sv-SE", bypass_csp=True).new_page()
    log_in(page, live_server, "granskare")
    go(page, menu_link(page, "Kollegial granskning"))
    expect(page.locator("main")).to_contain_text("Kollegial granskning av Karlskoga 2025")
    go(page, "text=Ny kollegial granskning i Partnerskapet för barns rättigheter i praktiken")
    page.select_option("#id_reviewed", str(karlskoga.pk))
    page.check(f"input[name=reviewing_organisations][value='{haninge.pk}']")
    page.fill("#id_title", TITLE)
    page.fill("#id_year", "2026")
    page.check("input[name=focus_factors][value=training]")
    page.check("input[name=focus_factors][value=budget]")
    page.fill("#id_questions", "Hur når utbildningen alla nämnder?")
    page.fill("#id_visit_date", "2026-10-07")
    page.fill("#id_report_due", "2026-11-30")
    submit(page)
    expect(page.locator("h1")).to_have_text(TITLE)
    review = PeerReview.objects.get(title=TITLE)

    go(page, "button:has-text('Påbörja granskningen')")
    go(page, "text=Ny intervju")
    page.fill("#id_held_on", "2026-10-07")
    page.fill("#id_with_whom", "Personalchef")
    page.fill("#id_notes", "Utbildningsplanen gås igenom.")
    submit(page)
    go(page, "text=Nytt läst dokument")
    page.fill("#id_title", "Utbildningsplan 2026")
    page.fill("#id_reference", "KS 2026/44")
    submit(page)
    for factor, level, text in (
        ("training", "3", "Alla nämnder har fått utbildning."),
        ("budget", "1", "Barnbudgeten har bara diskuterats."),
    ):
        page.click(f"#factor-{factor} >> text=Iakttagelser och bedömning")
        page.wait_for_load_state()
        assert_accessible(page)
        page.fill("#id_text", text)
        page.check(f"input[name=level][value='{level}']")
        submit(page)
    page.click("#factor-budget >> text=Ny rekommendation")
    page.wait_for_load_state()
    page.fill("#id_text", "Pröva en barnbudget i en nämnd 2027.")
    submit(page)
    go(page, "text=Rapportera granskningen")
    page.fill("#id_summary", "Utbildningen är stark; barnbudgeten behöver komma igång.")
    submit(page)
    expect(page.locator("main")).to_contain_text("Rapporterad")
    assert PeerReview.objects.get(pk=review.pk).status == "reported"
    page.context.close()

    # Karlskoga answers and makes the recommendation an activity.
    page = browser.new_context(locale="sv-SE", bypass_csp=True).new_page()
    log_in(page, live_server, "samordnare")
    page.goto(f"{live_server.url}{review.get_absolute_url()}")
    assert_accessible(page)
    expect(page.locator("table", has_text="Granskarnas bedömning")).to_contain_text("1 initierat")
    go(page, "#factor-budget >> a.button:has-text('Svar')")
    page.check("input[name=answer][value=accepted]")
    page.fill("#id_answer_text", "Socialnämnden prövar en barnbudget 2027.")
    submit(page)
    expect(page.locator("main")).to_contain_text("Besvarad")
    go(page, "#factor-budget >> text=Gör den till en aktivitet")
    page.select_option("#id_goal", index=1)
    page.fill("#id_title", "Barnbudget i socialnämnden")
    page.fill("#id_starts_on", "2027-01-01")
    page.fill("#id_ends_on", "2027-12-31")
    submit(page)
    expect(page.locator("h1")).to_have_text("Barnbudget i socialnämnden")
    activity = Activity.objects.get(title="Barnbudget i socialnämnden")
    assert activity.organisation == karlskoga

    # The self-assessment of 2026 shows the reviewers' ratings beside the self-rating.
    rating = FactorRating.objects.get(
        assessment__organisation=karlskoga, assessment__year=2026, source="peer", factor="budget"
    )
    page.goto(f"{live_server.url}{rating.assessment.get_absolute_url()}")
    assert_accessible(page)
    radar_table = page.locator("table", has_text="Spindeldiagrammet som tabell")
    expect(radar_table).to_contain_text("Kollegial granskning 2026")
    page.context.close()
