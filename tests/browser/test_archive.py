"""Archive packages in Chromium: the organisation's administrator goes from the retention page
to the archive packages, makes a package of last year's and this year's decided cases and
downloads it; axe-core checks the pages."""

import datetime
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone

from archive.eark import validate
from archive.models import ArchiveExport
from organisations.models import Organisation

from .conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_administrator_makes_and_downloads_an_archive_package(
    page, live_server, demo, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    karlskoga = Organisation.objects.get(scb_code="1883")
    log_in(page, live_server, "orgadmin")
    page.goto(live_server.url + reverse("archive:rules", args=[karlskoga.pk]))
    assert_accessible(page)
    page.click("text=Arkivpaket med beslutade ärenden (E-ARK)")
    page.wait_for_load_state()
    assert_accessible(page)
    today = timezone.localdate()
    page.fill("#id_decided_from", f"{today.year - 1}-01-01")
    page.fill("#id_decided_to", today.isoformat())
    with page.expect_download() as download_info:
        page.click("form.form button[type=submit]")
    download = download_info.value
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert path.suffix == ".zip"
    assert validate.problems(path) == []
    with zipfile.ZipFile(path) as archive:
        assert any(name.endswith("/case.pdf") for name in archive.namelist())
    export = ArchiveExport.objects.get()
    assert export.case_count >= 1
    assert export.decided_to == today and export.decided_from == datetime.date(today.year - 1, 1, 1)
    page.reload()
    assert export.objid in page.inner_text("main")
    assert_accessible(page)
