"""Training and the child budget in Chromium: a coordinator records a training, enters the
headcounts, reads the coverage, imports budget lines, marks one for children and reads the
charts; axe-core checks every page on the way."""

import pytest
from playwright.sync_api import expect

from childbudget.models import BudgetLine, ChildBudget
from organisations.models import Organisation
from training.models import Headcount, TrainingSession

from .conftest import assert_accessible, log_in, menu_link

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def click_and_check(page, selector):
    page.click(selector)
    page.wait_for_load_state()
    assert_accessible(page)


def test_coordinator_records_a_training_and_reads_the_coverage(page, live_server, demo):
    karlskoga = Organisation.objects.get(scb_code="1883")
    log_in(page, live_server, "samordnare")
    click_and_check(page, menu_link(page, "Utbildning"))
    click_and_check(page, "main >> text=Ny utbildning i Karlskoga kommun")
    page.fill("#id_held_on", "2026-09-14")
    page.fill("#id_topic", "Barnets bästa i bygglov")
    page.select_option("#id_format", "workshop")
    page.select_option("#id_target_group", "staff")
    page.get_by_label("Deltagare från Teknik- och fastighetsnämnden").fill("18")
    click_and_check(page, "form.form button[type=submit]")
    expect(page.locator("h1")).to_have_text("Barnets bästa i bygglov")
    assert TrainingSession.objects.get(topic="Barnets bästa i bygglov").participants == 18

    page.goto(f"{live_server.url}/organisations/{karlskoga.pk}/training-coverage/?year=2026")
    assert_accessible(page)
    click_and_check(page, "text=Ange antal personer och mål")
    page.get_by_label("Teknik- och fastighetsnämnden – personal").fill("180")
    click_and_check(page, "form.form button[type=submit]")
    assert (
        Headcount.objects.get(
            body__name="Teknik- och fastighetsnämnden", year=2026, target_group="staff"
        ).count
        == 180
    )
    chart = page.locator("svg[role=img]", has_text="Andel utbildade 2026")
    expect(chart).to_be_visible()
    expect(page.locator("table", has_text="Täckning per nämnd som tabell")).to_contain_text("10 %")


def test_coordinator_imports_budget_lines_and_marks_one(page, live_server, demo, tmp_path):
    karlskoga = Organisation.objects.get(scb_code="1883")
    log_in(page, live_server, "samordnare")
    click_and_check(page, menu_link(page, "Barnbudget"))
    expect(page.locator("svg[role=img]")).to_have_count(2)
    click_and_check(page, "main >> text=Importera budgetrader i Karlskoga kommun")
    upload = tmp_path / "budget.csv"
    upload.write_text(
        "Nämnd;Konto;Text;Belopp\n"
        "Socialnämnden;6010;Familjecentral;3 450 000\n"
        "Socialnämnden;6020;Missbruksvård vuxna;12 000 000\n",
        encoding="utf-8",
    )
    page.fill("#id_year", "2027")
    page.set_input_files("#id_file", str(upload))
    click_and_check(page, "form.form button[type=submit]")
    expect(page.locator("main")).to_contain_text("2 nya rader")
    budget = ChildBudget.objects.get(organisation=karlskoga, body__name="Socialnämnden", year=2027)
    page.goto(f"{live_server.url}{budget.get_absolute_url()}")
    assert_accessible(page)
    page.get_by_label("6010 Familjecentral är riktad till barn").check()
    click_and_check(page, "text=Spara markeringarna")
    assert BudgetLine.objects.get(budget=budget, account="6010").for_children


def test_training_and_budget_pages_are_accessible(page, live_server, demo):
    karlskoga = Organisation.objects.get(scb_code="1883")
    session = TrainingSession.objects.filter(organisation=karlskoga).first()
    budget = ChildBudget.objects.filter(organisation=karlskoga).first()
    log_in(page, live_server, "samordnare")
    for path in [
        "/training/",
        "/training/?year=2026&target_group=staff",
        session.get_absolute_url(),
        f"/training/{session.pk}/edit/",
        f"/training/{session.pk}/material/new/",
        f"/organisations/{karlskoga.pk}/training-coverage/?year=2026",
        f"/organisations/{karlskoga.pk}/headcounts/2026/",
        "/child-budget/",
        "/child-budget/?year=2025",
        budget.get_absolute_url(),
        f"/child-budget/{budget.pk}/edit/",
        f"/organisations/{karlskoga.pk}/child-budget/new/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)
