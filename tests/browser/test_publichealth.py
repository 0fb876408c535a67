"""Public health in Chromium: anyone browses and searches the target areas; the public-health
team's coordinator records an agreement with its parties, writes a team plan under the
region's plan with target-area tags, imports health figures from Kolada's published JSON,
reads the differences between groups and areas, and publishes the team's bokslut för folkhälsa
och barnkonvention with both parts (web, PDF and Word checked with the existing tools).
axe-core checks every page on the way (issue 20, Done when)."""

import io
import json
import subprocess

import pytest
from playwright.sync_api import expect

from agreements.models import Agreement
from indicators.models import IndicatorValue
from organisations.models import Body, Organisation
from organisations.roles import Role
from planning.models import ActionPlan, Goal
from reports.models import Report
from tests import world
from tests.docx_checks import assert_swedish_word_file
from tests.pdf_checks import assert_tagged_pdf

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


def test_team_coordinator_records_agreement_plan_figures_and_bokslut(
    page, live_server, demo, tmp_path
):
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
    page.fill("#id_title", "Teamets plan 2025–2026")
    page.select_option("#id_builds_on", str(regional.pk))
    page.fill("#id_start_year", "2025")
    page.fill("#id_end_year", "2026")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("Teamets plan 2025–2026")
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

    _imports_health_figures(page, live_server, nora, tmp_path)
    _publishes_the_bokslut(page, live_server, nora, tmp_path)


# Ohälsotal (Kolada N00957) for the team's four municipalities, the county and Sweden, as
# Kolada's API answers (/v3/data/kpi/N00957/year/2020,2025); the figures are made up.
OHALSOTAL = {
    "1884": (30.1, 26.4, 34.6, 18.2),
    "1863": (33.0, 29.9, 38.5, 21.5),
    "1864": (35.2, 31.0, 40.1, 22.3),
    "1885": (28.7, 25.2, 31.9, 18.8),
    "0018": (27.5, 24.0, 29.8, 18.3),
    "0000": (24.0, 21.1, 26.0, 16.3),
}


def _kolada_json() -> str:
    values = []
    for area, (earlier, total, women, men) in OHALSOTAL.items():
        values.append(
            {
                "kpi": "N00957",
                "municipality": area,
                "period": 2020,
                "values": [{"gender": "T", "status": "", "value": earlier, "count": 1}],
            }
        )
        values.append(
            {
                "kpi": "N00957",
                "municipality": area,
                "period": 2025,
                "values": [
                    {"gender": g, "status": "", "value": v, "count": 1}
                    for g, v in (("T", total), ("K", women), ("M", men))
                ],
            }
        )
    return json.dumps({"count": len(values), "values": values, "next_url": None})


def _imports_health_figures(page, live_server, nora, tmp_path):
    page.goto(f"{live_server.url}/organisations/{nora.pk}/indicators/import/")
    page.wait_for_load_state()
    assert_accessible(page)
    upload = tmp_path / "N00957.json"
    upload.write_text(_kolada_json(), encoding="utf-8")
    page.select_option("#id_format", "kolada_json")
    page.set_input_files("#id_file", str(upload))
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text("18 tillagda, 6 ändrade, 0 oförändrade")
    assert IndicatorValue.objects.get(
        indicator__code="ohalsotal", area_code="1863", year=2025, gender="K"
    ).value == pytest.approx(38.5)

    page.goto(f"{live_server.url}/organisations/{nora.pk}/health/")
    page.wait_for_load_state()
    assert_accessible(page)
    card = page.locator("section", has=page.locator("h2", has_text="Ohälsotal"))
    expect(card).to_contain_text("Hällefors kommun")
    expect(card).to_contain_text("+17")  # women − men in Hällefors: 38,5 − 21,5
    expect(card).to_contain_text("Störst skillnad mot riket: Ljusnarsbergs kommun")


def _publishes_the_bokslut(page, live_server, nora, tmp_path):
    team = Body.objects.get(name="Folkhälsoteamet norra Örebro län")
    steering = world.make_user("styrgrupp")
    from organisations import services as organisation_services

    organisation_services.add_member(
        nora, by=None, user=steering, role=Role.DECISION_MAKER, body=team
    )
    page.goto(f"{live_server.url}/organisations/{nora.pk}/reports/new/")
    page.wait_for_load_state()
    assert_accessible(page)
    page.fill("#id_year", "2025")
    page.select_option("#id_body", label="Folkhälsoteamet norra Örebro län")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    report = Report.objects.get(body=team, year=2025)
    page.goto(f"{live_server.url}/reports/{report.pk}/")
    page.wait_for_load_state()
    assert_accessible(page)
    main = page.locator("main")
    expect(main.locator("h2#part-child_rights")).to_have_text("Barnkonventionen")
    expect(main.locator("h2#part-public_health")).to_have_text("Folkhälsa")
    expect(main).to_contain_text("Teamets plan 2025–2026 (teamets plan, som bygger på")
    expect(main).to_contain_text("6. Levnadsvanor")
    expect(main).to_contain_text("Hälsa och jämlikhet i siffror")

    page.context.clear_cookies()
    log_in(page, live_server, "styrgrupp", world.PASSWORD)
    page.goto(f"{live_server.url}/reports/{report.pk}/")
    page.click("text=Godkänn bokslutet")
    page.wait_for_load_state()
    page.context.clear_cookies()
    log_in(page, live_server, "nora")
    page.goto(f"{live_server.url}/reports/{report.pk}/")
    page.click("text=Publicera bokslutet")
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text("Version 1")

    page.context.clear_cookies()
    report.refresh_from_db()
    page.goto(f"{live_server.url}{report.public_url()}")
    page.wait_for_load_state()
    assert_accessible(page)
    expect(page.locator("h1")).to_have_text(report.title)
    expect(page.locator("main h2#part-public_health")).to_be_visible()

    base = f"{live_server.url}{report.public_url()}v1"
    pdf = page.request.get(f"{base}.pdf")
    assert pdf.ok
    assert {"/H1", "/H2", "/H3"} <= assert_tagged_pdf(pdf.body(), tmp_path)
    (tmp_path / "bokslut.pdf").write_bytes(pdf.body())
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "bokslut.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Barnkonventionen" in text and "Hälsa och jämlikhet i siffror" in text

    docx = page.request.get(f"{base}.docx")
    assert docx.ok
    names = ", ".join(name for _pk, name in _covered(report))
    assert_swedish_word_file(docx.body(), title=report.title, author=names)
    from docx import Document

    document = Document(io.BytesIO(docx.body()))
    parts = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Barnkonventionen" in parts and "Folkhälsa" in parts
    assert "Folkhälsoplaner och hälsa" in [
        p.text for p in document.paragraphs if p.style.name == "Heading 2"
    ]


def _covered(report):
    from reports.document import scope_for

    return scope_for(report).organisations
