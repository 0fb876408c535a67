"""Spreadsheet and CSV exports every app uses: the cell guards and the writers.

Two CSV conventions, one per purpose (decision 0042):

- **Office lists** (`as_csv`, `export_response`): what Swedish Excel opens in columns with a
  double-click: UTF-8 with a byte-order mark, `;` between fields, the decimal comma, whole
  numbers without `.0`, dates as ISO 8601, CRLF line ends.
- **Open data** (`as_open_csv`): RFC 4180 for programs: `,` between fields, the decimal
  point, no byte-order mark, CRLF line ends, a header of stable machine names that a Table
  Schema describes; values as they are, nothing added.

Text is stored as given; an office export makes it safe. A cell of text that starts with a
formula character is written with a leading apostrophe, so that a spreadsheet shows it instead
of running it (CSV injection); numbers and dates are never touched (`-0.5` stays a number).
XML (XLSX, DOCX) cannot hold some control characters, which pasted or imported text may carry;
they are left out."""

import csv
import datetime
import io
import numbers
import re
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
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


def plain_number(value) -> str:
    """A number with the decimal point and no float artefacts: `1079250000.0` is
    `1079250000`, `94.2` stays `94.2`, never an exponent."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    number = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    if not number.is_finite():
        return ""
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def _iso(value, *, office: bool) -> str:
    """ISO 8601; a moment in local time, for the office without the offset (which Excel would
    take for text) and with a space (which Excel reads as a date and time)."""
    if not isinstance(value, datetime.datetime):
        return value.isoformat()
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    if office:
        return value.replace(tzinfo=None).isoformat(sep=" ", timespec="seconds")
    return value.isoformat(timespec="seconds")


def office_cell(value) -> str:
    """A cell as Swedish Excel reads it: decimal comma, ISO dates (local time, no offset,
    which Excel would take for text), guarded text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, numbers.Number):
        return plain_number(value).replace(".", ",")
    if hasattr(value, "isoformat"):
        return _iso(value, office=True)
    return safe_cell(value)


def open_data_cell(value) -> str:
    """A cell of open data: the decimal point, ISO 8601 with the offset, text unchanged."""
    if value is None:
        return ""
    if isinstance(value, numbers.Number):
        return plain_number(value)
    if hasattr(value, "isoformat"):
        return _iso(value, office=False)
    return str(value)


def as_csv(columns, rows) -> str:
    """An office list: what Swedish Excel opens as UTF-8, in columns, numbers as numbers."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([safe_cell(str(column)) for column in columns])
    for row in rows:
        writer.writerow([office_cell(value) for value in row])
    return "\ufeff" + buffer.getvalue()


def as_open_csv(columns, rows) -> bytes:
    """Open data as RFC 4180: comma, CRLF, fields quoted only where they must be, UTF-8
    without a byte-order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=",", lineterminator="\r\n")
    writer.writerow([str(column) for column in columns])
    for row in rows:
        writer.writerow([open_data_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8")


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
