"""Telling an uploaded file's format from its contents, so that the importer need not ask.

The five formats differ at the top of the file: json-stat2 says `"class": "dataset"`, a Kolada
API answer is a page (or a list of pages) with a `values` list of entries with a `kpi`, and each
CSV has a header no other one has (Barnrätt's template `indikator`, Kolada's `kpi`, an SCB
PxWeb table `region` with years). Anything else is not guessed.
"""

import json

from django.utils.translation import gettext as _

from indicators.models import ImportRun

from .core import ImportFailed, decode
from .tabular import reader

KOLADA_COLUMNS = ("kpi", "kpi_id", "nyckeltal")
TEMPLATE_COLUMNS = ("indikator", "indicator")


def format_of(data: bytes) -> str | None:
    """The ImportRun.Format value the file is in, or None when it cannot be told."""
    text = decode(data).lstrip()
    if text[:1] in ("{", "["):
        return _json_format(text)
    return _csv_format(data)


def _json_format(text: str) -> str | None:
    try:
        document = json.loads(text)
    except ValueError:
        return None
    if isinstance(document, dict) and (
        document.get("class") == "dataset" or {"dimension", "value"} <= document.keys()
    ):
        return ImportRun.Format.SCB_JSON
    pages = document if isinstance(document, list) else [document]
    entries = [
        entry
        for page in pages
        if isinstance(page, dict) and isinstance(page.get("values"), list)
        for entry in page["values"][:1]
    ]
    if entries and all(isinstance(entry, dict) and "kpi" in entry for entry in entries):
        return ImportRun.Format.KOLADA_JSON
    return None


def _csv_format(data: bytes) -> str | None:
    try:
        header, _rows = reader(data)
    except ImportFailed:
        return None
    if any(name in header for name in TEMPLATE_COLUMNS):
        return ImportRun.Format.TEMPLATE
    if any(name in header for name in KOLADA_COLUMNS):
        return ImportRun.Format.KOLADA_CSV
    if any("region" in name for name in header):
        return ImportRun.Format.SCB_CSV
    return None


def choose_format(chosen: str, data: bytes) -> str:
    """The format to import with: the one the file is in when none was chosen, the chosen one
    otherwise. A file that is plainly in another format than the chosen one, or whose format
    cannot be told when none was chosen, is refused with a message that names the formats."""
    found = format_of(data)
    if not chosen:
        if found is None:
            raise ImportFailed([(0, _unknown_message())])
        return found
    if found is not None and found != chosen:
        labels = dict(ImportRun.Format.choices)
        message = _(
            "The file looks like %(found)s, but %(chosen)s was chosen. Choose %(found)s, or "
            "leave the format for Barnrätt to tell from the file."
        ) % {"found": labels[found], "chosen": labels[chosen]}
        raise ImportFailed([(0, message)])
    return chosen


def _unknown_message() -> str:
    formats = ", ".join(str(label) for label in ImportRun.Format.labels)
    return _("Barnrätt could not tell the file's format. Choose one of: %(formats)s.") % {
        "formats": formats
    }
