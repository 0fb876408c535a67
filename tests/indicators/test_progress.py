"""The import's progress: the import reports its phases under the page's token, only the user
who started it can read them, and the page carries the token and the bar."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from indicators import progress
from indicators.imports.core import run_import
from tests.indicators.test_views import CSV

TOKEN = "0123456789abcdef0123456789abcdef"
# The view tests' file without its county line (no region in these tests): seven rows.
FILE = CSV.replace(";18;", ";1883;").replace(";2023;T;;12,8", ";2021;T;;12,8")


def test_an_import_reports_checking_saving_and_the_rows(karlskoga, degerfors, monkeypatch):
    monkeypatch.setattr(progress, "EVERY", 3)
    heard = []

    def listen(phase, done=0):
        heard.append((phase, done))

    data = FILE.encode()
    run_import(data, fmt="template", organisation=karlskoga, by=None, progress=listen)
    assert heard == [("checking", 0), ("checking", 3), ("checking", 6), ("saving", 7)]
    assert progress.estimated_rows(data, "template") == 7
    assert progress.estimated_rows(b'{"values": []}', "kolada_json") == 0


def test_the_page_carries_a_token_and_the_bar(coordinator_client, karlskoga):
    page = coordinator_client.get(reverse("indicators:import", args=[karlskoga.pk]))
    html = page.content.decode()
    token = page.context["progress_token"]
    assert progress.TOKEN.match(token)
    assert f'name="progress" value="{token}"' in html
    assert reverse("indicators:import_progress", args=[karlskoga.pk, token]) in html
    assert 'id="import-progress-bar"' in html and "js/import-progress.js" in html


def test_the_progress_is_the_importers_own(client, coordinator, case_officer, karlskoga, degerfors):
    client.force_login(coordinator)
    upload = SimpleUploadedFile("siffror.csv", FILE.encode(), content_type="text/csv")
    url = reverse("indicators:import", args=[karlskoga.pk])
    client.post(url, {"format": "template", "file": upload, "progress": TOKEN})
    progress_url = reverse("indicators:import_progress", args=[karlskoga.pk, TOKEN])
    state = client.get(progress_url).json()
    assert state == {"phase": "done", "done": 7, "total": 7, "job": state["job"], "status": "done"}
    # Another user of the same organisation, or a token that is not one, learns nothing.
    assert progress.read(TOKEN, case_officer.pk) is None
    assert client.get(progress_url.replace(TOKEN, "x" * 32)).json()["phase"] == "unknown"


@pytest.mark.parametrize("line", ["barn-ekonomiskt-utsatta;1883;2022;T;;sexton;\n"])
def test_a_failed_import_says_so(client, coordinator, karlskoga, line):
    client.force_login(coordinator)
    upload = SimpleUploadedFile("fel.csv", (FILE + line).encode(), content_type="text/csv")
    url = reverse("indicators:import", args=[karlskoga.pk])
    response = client.post(url, {"format": "template", "file": upload, "progress": TOKEN})
    assert response.status_code == 400
    assert progress.read(TOKEN, coordinator.pk)["phase"] == "failed"
