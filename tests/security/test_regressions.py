"""Focused tests for what the hostile-input sweep found (each failed before its fix)."""

import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from childbudget import imports as budget_imports
from core.exports import as_xlsx, safe_cell, xlsx_cell, xml_text
from planning.models import ActionPlan


def test_year_0_is_refused_for_a_plan(karlskoga):
    plan = ActionPlan(organisation=karlskoga, title="Plan", start_year=0, end_year=0)
    with pytest.raises(ValidationError) as refused:
        plan.full_clean()
    assert "start_year" in refused.value.message_dict


@pytest.mark.parametrize(
    "value, expected",
    [
        ("kontroll\x0b\x1b\x07tecken", "kontrolltecken"),
        ("\x07=HYPERLINK(1)", "'=HYPERLINK(1)"),  # the control character cannot hide a formula
        ("rad\tett\nrad två", "rad\tett\nrad två"),  # tab and newline are text
        (12, 12),
        (None, ""),
    ],
)
def test_xlsx_cell_leaves_out_what_xml_cannot_hold(value, expected):
    assert xlsx_cell(value) == expected


def test_an_xlsx_export_with_control_characters_opens():
    content = as_xlsx("Blad", ["Titel"], [["kontroll\x0b\x1b\x07tecken"], ["=1+1"]])
    sheet = load_workbook(io.BytesIO(content)).active
    assert [cell.value for cell in sheet["A"]] == ["Titel", "kontrolltecken", "'=1+1"]
    assert safe_cell("=1+1") == "'=1+1" and xml_text("a\x00b") == "ab"


def test_a_lone_carriage_return_in_a_budget_csv_ends_a_row():
    rows = budget_imports._read_csv("Nämnd;Konto;Text;Belopp\r=1+1;4010;Text;1\n".encode())
    assert rows == [["Nämnd", "Konto", "Text", "Belopp"], ["=1+1", "4010", "Text", "1"]]


def test_a_case_number_line_longer_than_any_is_no_case(karlskoga, case):
    # (SQLite compares the LIKE pattern row by row: the organisation needs a case.)
    from participation.forms import ConsultationForm

    form = ConsultationForm(data={"case_numbers": "x" * 100_000}, organisation=karlskoga)
    form.is_valid()
    assert "case_numbers" in form.errors
