"""Exports: the assessment as DOCX and PDF (checked with LibreOffice and Poppler), the case list
as CSV and XLSX (with the filters of the page, and no formulas from user text)."""

import io
import shutil
import subprocess
import zipfile

import pytest
from django.urls import reverse

from assessments import services
from tests.docx_checks import assert_swedish_word_file
from tests.pdf_checks import assert_tagged_pdf


def download(client, case, fmt):
    response = client.get(reverse("assessments:assessment_download", args=[case.pk, fmt]))
    assert response.status_code == 200
    return response


def test_docx_holds_the_answers_and_headings(case_officer_client, submitted_assessment):
    from docx import Document

    case = submitted_assessment.case
    response = download(case_officer_client, case, "docx")
    document = Document(io.BytesIO(response.content))
    assert_swedish_word_file(
        response.content,
        title=f"{case.case_number} {case.title}",
        author=case.organisation.name,
    )
    texts = [p.text for p in document.paragraphs]
    assert "Prövning av barnets bästa" in texts[0]
    assert "Berör ärendet barn?" in texts
    assert "En trygg park" in texts
    assert any(p.style.name.startswith("Heading") for p in document.paragraphs)


def test_pdf_holds_the_answers_and_renders(case_officer_client, submitted_assessment, tmp_path):
    response = download(case_officer_client, submitted_assessment.case, "pdf")
    assert response.content.startswith(b"%PDF")
    pdf = tmp_path / "assessment.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Berör ärendet barn?" in text
    assert "SN 2026/1" in text
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    assert (tmp_path / "page-1.png").stat().st_size > 1000
    types = assert_tagged_pdf(response.content, tmp_path)
    assert {"/H1", "/H2"} <= types


def test_docx_opens_in_libreoffice(case_officer_client, submitted_assessment, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed for this test (Debian package libreoffice-writer-nogui)"
    docx = tmp_path / "assessment.docx"
    docx.write_bytes(download(case_officer_client, submitted_assessment.case, "docx").content)
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "assessment.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Berör ärendet barn?" in text
    # The table of contents is there as LibreOffice renders it, before the first section.
    assert text.index("Innehåll") < text.index("Berör ärendet barn?")


def test_outsider_cannot_download_the_assessment(outsider_client, submitted_assessment):
    url = reverse("assessments:assessment_download", args=[submitted_assessment.case_id, "pdf"])
    assert outsider_client.get(url).status_code == 404


def test_case_list_csv_follows_the_filters(
    coordinator_client, karlskoga, social_committee, case_officer, case
):
    services.create_case(
        karlskoga,
        by=case_officer,
        body=social_committee,
        case_number="SN 2026/77",
        title="Gatubelysning",
    )
    response = coordinator_client.get(
        reverse("assessments:case_list_export", args=["csv"]), {"q": "gatu"}
    )
    content = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "SN 2026/77" in content
    assert "SN 2026/1" not in content


def test_case_list_export_neutralises_formulas(
    coordinator_client, karlskoga, social_committee, case_officer
):
    services.create_case(
        karlskoga,
        by=case_officer,
        body=social_committee,
        case_number="SN 2026/66",
        title='=HYPERLINK("http://example.org","klicka")',
    )
    content = coordinator_client.get(
        reverse("assessments:case_list_export", args=["csv"])
    ).content.decode()
    assert "'=HYPERLINK" in content
    from openpyxl import load_workbook

    response = coordinator_client.get(reverse("assessments:case_list_export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    titles = [row[1] for row in sheet.iter_rows(values_only=True)]
    assert '\'=HYPERLINK("http://example.org","klicka")' in titles
    assert zipfile.is_zipfile(io.BytesIO(response.content))


def test_outsider_exports_none_of_karlskogas_cases(outsider_client, case):
    content = outsider_client.get(
        reverse("assessments:case_list_export", args=["csv"])
    ).content.decode()
    assert "SN 2026/1" not in content


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_formats_answer(coordinator_client, case, fmt):
    assert (
        coordinator_client.get(reverse("assessments:case_list_export", args=[fmt])).status_code
        == 200
    )


def test_cited_statistics_show_value_and_year_everywhere(
    case_officer_client, decision_maker, submitted_assessment, tmp_path
):
    """Issue 22: the print view, review page, PDF and Word file list the cited statistics with
    the municipality's newest figure and its year."""
    from docx import Document

    from indicators.models import Indicator, IndicatorValue
    from indicators.services import cite_indicator

    indicator = Indicator.objects.get(code="barn-ekonomiskt-utsatta")
    for year, value in ((2023, 11.0), (2024, 12.5)):
        IndicatorValue.objects.create(
            indicator=indicator, area_code="1883", year=year, value=value, source="Kolada"
        )
    cite_indicator(submitted_assessment, by=decision_maker, indicator=indicator, note="Högt")
    case = submitted_assessment.case
    expected = "12,5"
    name = str(indicator)

    def has_figure(text):
        return name in text and expected in text and "2024" in text

    printed = case_officer_client.get(reverse("assessments:assessment_print", args=[case.pk]))
    assert has_figure(printed.content.decode())
    document = Document(io.BytesIO(download(case_officer_client, case, "docx").content))
    assert has_figure("\n".join(p.text for p in document.paragraphs))
    pdf = tmp_path / "assessment.pdf"
    pdf.write_bytes(download(case_officer_client, case, "pdf").content)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert has_figure(" ".join(text.split()))
    case_officer_client.force_login(decision_maker)
    review = case_officer_client.get(reverse("assessments:review", args=[case.pk]))
    assert has_figure(review.content.decode())
