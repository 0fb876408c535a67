"""Exports hold one row per answer in words and nothing that identifies a child."""

import csv
import io
import re
import subprocess

import pytest
from django.urls import reverse

from participation import services
from tests.pdf_checks import assert_tagged_pdf

from .conftest import answer


@pytest.fixture
def answered(park, coordinator):
    services.update_consultation(park, by=coordinator, requires_class_code=False)
    answer(
        park,
        1,
        gender="girl",
        single=0,
        multiple=[0, 2],
        scale=5,
        ranking=[2, 0, 1],
        text='=HYPERLINK("http://evil.example")',
    )
    answer(park, 2, age="6-12", single=1, text="Ring 070-123 45 67")
    answer(park, 3, scale=3, text="Mer ljus")
    services.record_offline_voice(
        park,
        by=coordinator,
        held_on="2026-03-02",
        channel="meeting",
        children_count=8,
        points="Gungor till de små",
    )
    return park


def export(client, consultation, fmt):
    response = client.get(reverse("participation:results_export", args=[consultation.pk, fmt]))
    assert response.status_code == 200
    return response


def test_csv_has_one_row_per_shown_answer_in_words(case_officer_client, answered):
    content = export(case_officer_client, answered, "csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert rows[0] == ["Svar", "Månad", "Ålder", "Kön", "Fråga", "Svaret"]
    body = rows[1:]
    assert body[0] == ["1", "2026-03", "13–17 år", "tjej", "Vilket är bäst?", "Gungor"]
    assert ["1", "2026-03", "13–17 år", "tjej", "Vad saknas?", "Gungor, Belysning"] in body
    assert ["1", "2026-03", "13–17 år", "tjej", "Hur är parken i dag?", "Mycket bra"] in body
    assert [
        "1",
        "2026-03",
        "13–17 år",
        "tjej",
        "Vad är viktigast?",
        "1. Belysning, 2. Gungor, 3. Bänkar",
    ] in body
    assert ["3", "2026-03", "13–17 år", "", "Något mer?", "Mer ljus"] in body
    assert {row[0] for row in body} == {"1", "2", "3"}


def test_csv_neutralises_formulas_and_leaves_out_texts_waiting_for_moderation(
    case_officer_client, answered
):
    content = export(case_officer_client, answered, "csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in content
    assert "070-123" not in content
    assert "[telefonnummer]" not in content


def test_exports_hold_no_identifying_data(coordinator_client, answered):
    responses = list(answered.responses.all())
    for fmt in ("csv", "xlsx"):
        body = export(coordinator_client, answered, fmt).content
        text = body.decode("utf-8-sig") if fmt == "csv" else _xlsx_text(body)
        for response in responses:
            assert response.submission_key not in text
        assert "2026-03-14" not in text
        assert "14" not in text.split()


def _xlsx_text(content: bytes) -> str:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content)).active
    return "\n".join(
        " ".join(str(c) for c in row if c is not None) for row in sheet.iter_rows(values_only=True)
    )


def test_xlsx_opens_with_the_same_rows(case_officer_client, answered):
    from openpyxl import load_workbook

    content = export(case_officer_client, answered, "xlsx").content
    sheet = load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Svar", "Månad", "Ålder", "Kön", "Fråga", "Svaret")
    assert rows[1] == (1, "2026-03", "13–17 år", "tjej", "Vilket är bäst?", "Gungor")
    assert any(row[5] == '\'=HYPERLINK("http://evil.example")' for row in rows)
    assert not any("070-123" in str(row[5]) for row in rows)


def test_results_pdf_is_tagged_pdf_ua_in_swedish(case_officer_client, answered, tmp_path):
    types = assert_tagged_pdf(export(case_officer_client, answered, "pdf").content, tmp_path)
    assert {"/Table", "/TH"} <= types


def test_pdf_summary_has_totals_charts_tables_and_meetings(case_officer_client, answered):
    response = export(case_officer_client, answered, "pdf")
    assert response["Content-Type"] == "application/pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"],
        input=response.content,
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert "Parken vid skolan" in text
    assert "Vilket är bäst?" in text
    assert "Gungor till de små" in text
    assert "Mer ljus" in text
    assert "070-123" not in text
    # Voices in all: 3 online and 8 from the meeting.
    assert re.search(r"Röster totalt\s+11\b", text)


def test_outsider_gets_404_for_exports(outsider_client, answered):
    for fmt in ("csv", "xlsx", "pdf"):
        url = reverse("participation:results_export", args=[answered.pk, fmt])
        assert outsider_client.get(url).status_code == 404


def test_responses_are_numbered_in_order_not_by_database_id(case_officer_client, answered):
    answered.responses.filter(submission_key="key-1").delete()
    content = export(case_officer_client, answered, "csv").content.decode("utf-8-sig")
    numbers = [row[0] for row in csv.reader(io.StringIO(content), delimiter=";")][1:]
    assert sorted(set(numbers)) == ["1", "2"]
