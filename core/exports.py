"""Spreadsheet exports every app uses: the cell guards and the CSV and XLSX writers.

Text is stored as given; an export makes it safe. A cell of text that starts with a formula
character is written with a leading apostrophe, so that a spreadsheet shows it instead of
running it (CSV injection); numbers and dates stay what they are. XML (XLSX, DOCX) cannot hold
some control characters, which pasted or imported text may carry; they are left out."""

import csv
import io
import numbers
import re

from django.http import HttpResponse
from openpyxl import Workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Spreadsheet programs run cells that start with these as formulas.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# What XML 1.0 cannot hold: control characters other than tab, newline and carriage return,
# lone surrogates and the two non-characters.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _is_value(value) -> bool:
    """A number or a date: written as itself, never guarded (`-0.5` stays a number)."""
    return isinstance(value, numbers.Number) or hasattr(value, "isoformat")


def safe_cell(value):
    """A cell that a spreadsheet shows and never runs: text that starts with a formula
    character gets a leading apostrophe; numbers and dates are left as they are."""
    if value is None:
        return ""
    if _is_value(value):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def xml_text(value) -> str:
    """`value` as text without the characters XML cannot hold."""
    return XML_ILLEGAL.sub("", str(value))


def xlsx_cell(value):
    """A worksheet cell: numbers and dates as they are, text as `safe_cell` without what XML
    cannot hold (removed first, so that a control character cannot hide a formula)."""
    if value is None or _is_value(value):
        return "" if value is None else value
    return safe_cell(xml_text(value))


def as_csv(columns, rows) -> str:
    """Semicolon-separated with a byte-order mark: what Swedish Excel opens as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([str(column) for column in columns])
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return "\ufeff" + buffer.getvalue()


def as_xlsx(sheet_name: str, columns, rows) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(sheet_name)[:31])  # the longest name Excel accepts
    sheet.append([str(column) for column in columns])
    for row in rows:
        sheet.append([xlsx_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_response(fmt: str, filename: str, sheet_name: str, table) -> HttpResponse:
    """A download of `table` (columns, rows) as `fmt` ("csv" or "xlsx")."""
    columns, rows = table
    if fmt == "csv":
        response = HttpResponse(as_csv(columns, rows), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(as_xlsx(sheet_name, columns, rows), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
