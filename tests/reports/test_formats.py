"""The published report as PDF (and PDF/A), DOCX, JSON and CSV carry the same figures."""

import contextlib
import csv
import io
import json
import re
import shutil
import subprocess
import zlib

import pytest
from django.urls import reverse

from reports import services
from tests.docx_checks import assert_swedish_word_file
from tests.pdf_checks import assert_tagged_pdf
from tests.reports.conftest import AS_OF


@pytest.fixture
def published(report, coordinator, decision_maker, cases_2026):
    services.update_texts(report, by=coordinator, foreword="Ett år av arbete för barnen.")
    services.approve_report(report, by=decision_maker)
    return services.publish_report(report, by=coordinator, as_of=AS_OF)


def download(client, version, fmt):
    url = reverse(
        "reports:public_export",
        args=[version.report.slug, version.report.year, version.number, fmt],
    )
    response = client.get(url)
    assert response.status_code == 200
    return response.content


def pdf_text(tmp_path, content):
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_pdf_has_contents_page_numbers_figures_and_vector_charts(client, published, tmp_path):
    content = download(client, published, "pdf")
    text = pdf_text(tmp_path, content)
    assert "Innehåll" in text
    assert "Under 2026 beslutades 3 ärenden." in text
    assert "Ett år av arbete för barnen." in text
    assert re.search(r"\b1\s*/\s*\d+", text)  # page numbers
    # The contents list gives the page of each section.
    assert any(
        "Beslut och barnets bästa" in line and line.rstrip()[-1].isdigit()
        for line in text.splitlines()
    )
    # Charts stay vector drawings: no raster image in the PDF.
    assert b"/Subtype /Image" not in content


def test_report_pdf_is_tagged_pdf_ua_in_swedish_with_headings_tables_and_figures(
    client, published, tmp_path
):
    types = assert_tagged_pdf(download(client, published, "pdf"), tmp_path)
    assert {"/H1", "/H2", "/Table", "/TH"} <= types


def test_archival_report_pdf_is_tagged_pdf_a_2a(client, published, tmp_path):
    assert_tagged_pdf(download(client, published, "pdfa"), tmp_path, archival=True)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_archival_pdf_declares_pdf_a(client, published, tmp_path):
    content = download(client, published, "pdfa")
    path = tmp_path / "archive.pdf"
    path.write_bytes(content)
    meta = subprocess.run(
        ["pdfinfo", "-meta", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert 'pdfaid:part="2"' in meta and 'pdfaid:conformance="A"' in meta
    # What a PDF/A validator checks first (no validator such as veraPDF is installable here):
    # an output intent with its colour profile, and every font embedded.
    objects = _inflated(content)
    assert b"/OutputIntents" in objects and b"/DestOutputProfile" in objects
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
    assert "Under 2026 beslutades 3 ärenden." in pdf_text(tmp_path, content)


def _inflated(content: bytes) -> bytes:
    """The PDF with its compressed streams inflated: WeasyPrint packs objects in streams."""
    parts = [content]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        with contextlib.suppress(zlib.error):
            parts.append(zlib.decompress(stream))
    return b"\n".join(parts)


def test_docx_has_word_headings_tables_and_chart_pictures(client, published):
    from docx import Document

    data = download(client, published, "docx")
    document = Document(io.BytesIO(data))
    assert_swedish_word_file(data, title=published.data["title"], author="Karlskoga kommun")
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == ["Förord", "Barnkonventionen", "Folkhälsa"]
    sections = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert sections[0] == "Beslut och barnets bästa"
    assert "Folkhälsoplaner och hälsa" in sections
    assert "Under 2026 beslutades 3 ärenden." in [p.text for p in document.paragraphs]
    first_table = document.tables[0]
    assert first_table.rows[1].cells[0].text == "Beslutade ärenden"
    assert first_table.rows[1].cells[1].text == "3"
    assert document.inline_shapes, "charts are pictures in the Word file"


def test_json_and_csv_carry_the_same_figures(client, published):
    data = json.loads(download(client, published, "json"))
    assert data["figures"]["decisions"]["total"]["decided"] == 3
    rows = list(csv.reader(io.StringIO(download(client, published, "csv").decode("utf-8-sig"))))
    assert rows[0] == ["year", "section", "figure_id", "figure", "organisation", "value"]
    decided = [row for row in rows if row[2] == "decisions.decided"]
    assert decided == [
        ["2026", "decisions", "decisions.decided", "Beslutade ärenden", "Karlskoga kommun", "3"],
        ["2026", "decisions", "decisions.decided", "Beslutade ärenden", "Totalt", "3"],
    ]


@pytest.mark.skipif(not shutil.which("soffice"), reason="needs LibreOffice")
def test_libreoffice_opens_the_docx(client, published, tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(download(client, published, "docx"))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        capture_output=True,
        check=True,
        timeout=240,
    )
    assert "Beslut och barnets bästa" in pdf_text(tmp_path, (tmp_path / "report.pdf").read_bytes())


def test_staff_preview_downloads_show_live_figures(coordinator_client, report, cases_2026):
    url = reverse("reports:report_preview_export", args=[report.pk, "json"])
    data = json.loads(coordinator_client.get(url).content)
    assert data["figures"]["decisions"]["total"]["decided"] == 3


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="needs poppler-utils")
def test_every_format_of_the_joint_report_carries_the_same_figures(
    client,
    karlskoga,
    degerfors,
    joint_committee,
    coordinator,
    decision_maker,
    cases_2026,
    tmp_path,
):
    from docx import Document

    report = services.create_report(karlskoga, by=coordinator, year=2026, body=joint_committee)
    services.update_texts(report, by=coordinator, foreword="Gemensamt bokslut.")
    services.approve_report(report, by=decision_maker)
    version = services.publish_report(report, by=coordinator, as_of=AS_OF)
    page = client.get(reverse("reports:public_report", args=[report.slug, 2026])).content.decode()
    pdf = download(client, version, "pdf")
    text = pdf_text(tmp_path, pdf)
    word = Document(io.BytesIO(download(client, version, "docx")))
    data = json.loads(download(client, version, "json"))
    rows = list(csv.reader(io.StringIO(download(client, version, "csv").decode("utf-8-sig"))))

    decided = data["figures"]["decisions"]["total"]["decided"]
    assert decided == 3
    sentence = "Under 2026 beslutades 3 ärenden."
    assert sentence in page and sentence in text
    assert sentence in [p.text for p in word.paragraphs]
    assert [c.text for c in word.tables[0].rows[1].cells] == ["Beslutade ärenden", "3", "0", "3"]
    assert ["Degerfors kommun", "0"] in [r[4:] for r in rows if r[2] == "decisions.decided"]
    assert ["Totalt", "3"] in [r[4:] for r in rows if r[2] == "decisions.decided"]
    (tmp_path / "joint.pdf").write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "30",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "joint.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    assert list(tmp_path.glob("page*.png"))
