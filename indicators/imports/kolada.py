"""Kolada's formats: the API JSON (`/v3/data/kpi/…`, and v2's) as downloaded, and Kolada's CSV.

API JSON: `{"count": n, "values": [{"kpi": "N02904", "municipality": "1883", "period": 2023,
"values": [{"gender": "T", "status": "", "value": 12.3, "count": 1}, …]}], "next_url": …}` (v2
named the link `next_page`; the records are the same in both versions). Counties are "00" +
the county code, Sweden is "0000". A JSON list of such pages is read too.
CSV: one figure a line with the columns kpi, municipality (or municipality_id), period (or
year), gender, value and status; comma, semicolon or tab.
"""

import json

from django.utils.translation import gettext as _

from .core import ImportFailed, RawRow, decode
from .tabular import cell, column, reader


def load_json(data: bytes):
    try:
        return json.loads(decode(data))
    except json.JSONDecodeError as error:
        raise ImportFailed(
            [(error.lineno, _("The file is not valid JSON: %(error)s") % {"error": error.msg})]
        ) from None


def json_rows(data: bytes):
    document = load_json(data)
    pages = document if isinstance(document, list) else [document]
    number = 0
    for page in pages:
        if not isinstance(page, dict) or not isinstance(page.get("values"), list):
            raise ImportFailed([(0, _("This is not a Kolada API response (no “values” list)."))])
        for entry in page["values"]:
            number += 1
            if not isinstance(entry, dict) or not isinstance(entry.get("values"), list):
                raise ImportFailed([(number, _("Entry %(n)s has no values.") % {"n": number})])
            for figure in entry["values"]:
                if not isinstance(figure, dict):
                    raise ImportFailed([(number, _("Entry %(n)s has no values.") % {"n": number})])
                yield RawRow(
                    line=number,
                    indicator=str(entry.get("kpi", "")),
                    area=str(entry.get("municipality", "")),
                    year=entry.get("period", ""),
                    gender=str(figure.get("gender", "T") or "T"),
                    value=figure.get("value"),
                    status=_kolada_status(figure.get("status")),
                )


def _kolada_status(status) -> str:
    """Kolada marks a missing figure with a status text; an empty status is a final figure."""
    text = str(status or "").strip().lower()
    if not text:
        return ""
    if text.startswith("prel"):
        return "preliminary"
    return "missing"


def csv_rows(data: bytes):
    header, rows = reader(data)
    kpi = column(header, ("kpi", "kpi_id", "nyckeltal"))
    area = column(header, ("municipality", "municipality_id", "kommun", "kommun-id", "id"))
    year = column(header, ("period", "year", "år"))
    gender = column(header, ("gender", "kön"), required=False)
    value = column(header, ("value", "värde"))
    status = column(header, ("status",), required=False)
    for number, cells in rows:
        yield RawRow(
            line=number,
            indicator=cell(cells, kpi),
            area=cell(cells, area),
            year=cell(cells, year),
            gender=cell(cells, gender) or "T",
            value=cell(cells, value),
            status=_kolada_status(cell(cells, status)),
        )
