"""Statistics in Chromium: the coordinator reads Karlskoga's children's conditions, compares an
indicator with the county, Sweden and a network member, imports a file; a case officer cites the
indicator in an assessment. axe-core checks every page on the way."""

import pytest
from playwright.sync_api import expect

from assessments.models import Assessment
from indicators.models import Citation, Indicator, IndicatorValue
from organisations.models import Organisation

from .conftest import assert_accessible, log_in, menu_link

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def click_and_check(page, selector):
    page.click(selector)
    page.wait_for_load_state()
    assert_accessible(page)


def test_coordinator_reads_compares_and_imports(page, live_server, demo, tmp_path):
    karlskoga = Organisation.objects.get(scb_code="1883")
    log_in(page, live_server, "samordnare")
    click_and_check(page, menu_link(page, "Statistik"))
    click_and_check(page, "main >> text=Barns villkor i Karlskoga kommun")
    expect(page.locator("h1")).to_have_text("Barns villkor i Karlskoga kommun")
    expect(page.locator("figure svg[role=img]").first).to_be_visible()
    click_and_check(page, "main h2 >> text=Unga som känner sig trygga")
    expect(page.locator("main")).to_contain_text("Region Örebro län")
    expect(page.locator("main")).to_contain_text("Flickor och pojkar")
    page.check("input[name=compare][value='1862']")
    click_and_check(page, "form.filters button[type=submit]")
    expect(page.locator("figure").first).to_contain_text("Degerfors kommun")

    page.goto(f"{live_server.url}/organisations/{karlskoga.pk}/indicators/import/")
    assert_accessible(page)
    upload = tmp_path / "egna.csv"
    upload.write_text(
        "indikator;kod;år;kön;åldersgrupp;värde;status\n"
        "barn-i-dialog;1883;2025;T;;412;preliminär\n",
        encoding="utf-8",
    )
    page.select_option("#id_format", "template")
    page.set_input_files("#id_file", str(upload))
    click_and_check(page, "form.form button[type=submit]")
    expect(page.locator("main")).to_contain_text("1 tillagda, 0 ändrade, 0 oförändrade")
    assert IndicatorValue.objects.get(indicator__code="barn-i-dialog").value == 412

    upload.write_text("indikator;kod;år;värde\nbarn-i-dialog;9999;2025;1\n", encoding="utf-8")
    page.select_option("#id_format", "template")
    page.set_input_files("#id_file", str(upload))
    click_and_check(page, "form.form button[type=submit]")
    expect(page.locator("main")).to_contain_text("Rad 2: Okänd kommun- eller länskod")


def test_the_import_sends_the_file_in_the_background_with_a_progress_bar(
    page, live_server, demo, tmp_path
):
    karlskoga = Organisation.objects.get(scb_code="1883")
    log_in(page, live_server, "samordnare")
    page.goto(f"{live_server.url}/organisations/{karlskoga.pk}/indicators/import/")
    expect(page.locator("#import-progress")).to_be_hidden()
    posts = []
    page.on("request", lambda request: request.method == "POST" and posts.append(request))
    upload = tmp_path / "egna.csv"
    rows = [f"barn-i-dialog;1883;{year};T;;{year - 1600};" for year in (2023, 2024, 2025)]
    upload.write_text(
        "indikator;kod;år;kön;åldersgrupp;värde;status\n" + "\n".join(rows) + "\n",
        encoding="utf-8",
    )
    page.select_option("#id_format", "template")
    page.set_input_files("#id_file", str(upload))
    token = page.locator("input[name=progress]").input_value()
    page.click("form.form button[type=submit]")
    expect(page.locator(".message--success")).to_contain_text("3 tillagda, 0 ändrade")
    # Sent by the script (not a page load), and its answer replaced the page: the message has
    # the focus, and the new page's form has a new token of its own.
    assert [request.resource_type for request in posts] == ["xhr"]
    expect(page.locator(".message--success")).to_be_focused()
    expect(page.locator("input[name=progress]")).not_to_have_value(token)
    assert_accessible(page)


def test_case_officer_cites_an_indicator(page, live_server, demo):
    assessment = Assessment.objects.filter(organisation__scb_code="1883").first()
    log_in(page, live_server, "handlaggare")
    page.goto(f"{live_server.url}/cases/{assessment.case_id}/")
    assert_accessible(page)
    indicator = Indicator.objects.get(code="barn-ekonomiskt-utsatta")
    page.select_option("#id_indicator", str(indicator.pk))
    page.fill("#id_note", "Var sjunde barn i kommunen")
    click_and_check(page, "text=Åberopa indikatorn")
    expect(page.locator("#indicators-heading + ul")).to_contain_text("Var sjunde barn i kommunen")
    assert Citation.objects.get().indicator == indicator


def test_catalogue_pages_are_accessible(page, live_server, demo):
    indicator = Indicator.objects.get(code="barn-ekonomiskt-utsatta")
    log_in(page, live_server, "samordnare")
    for path in [
        "/indicators/",
        indicator.get_absolute_url(),
        f"/indicators/{indicator.pk}/edit/",
        f"/indicators/{indicator.pk}/history/",
        "/indicators/new/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)
    page.goto(f"{live_server.url}/indicators/{indicator.pk}/edit/")
    page.fill("#id_source_id", "N02905")
    click_and_check(page, "form.form button[type=submit]")
    expect(page.locator("main")).to_contain_text("N02905")


def test_a_queued_import_shows_its_progress_and_then_its_outcome(
    page, live_server, demo, tmp_path, settings
):
    """With the database queue the page answers before the import is done: it follows the job
    and shows the outcome when a worker has run it (here the test, as the worker)."""
    from core import jobs
    from core.models import Job

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    karlskoga = Organisation.objects.get(scb_code="1883")
    log_in(page, live_server, "samordnare")
    page.goto(f"{live_server.url}/organisations/{karlskoga.pk}/indicators/import/")
    upload = tmp_path / "egna.csv"
    upload.write_text(
        "indikator;kod;år;kön;åldersgrupp;värde;status\nbarn-i-dialog;1883;2024;T;;12;\n",
        encoding="utf-8",
    )
    page.select_option("#id_format", "template")
    page.set_input_files("#id_file", str(upload))
    page.click("form.form button[type=submit]")
    expect(page.locator("#import-pending")).to_be_visible()
    expect(page.locator("#import-progress")).to_be_visible()
    assert_accessible(page)
    # The newest job is the upload's (the demo's own mail jobs came before it).
    jobs.run_job.call(Job.objects.latest("pk").pk)
    expect(page.locator(".message--success")).to_contain_text("1 tillagda, 0 ändrade")
    assert "?job=" in page.url
