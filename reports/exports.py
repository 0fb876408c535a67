"""The report's formats, all from one document (`document.build_document` or a frozen
version's data): PDF from the web page's template (WeasyPrint, tagged: PDF/UA-1, PDF/A-2a for
the archive), DOCX (python-docx, Word's heading styles, tables, charts as pictures), JSON and
CSV: open data (RFC 4180, `reports.opendata`) where published, the Swedish Excel style for the
staff's preview; XLSX of the key figures for spreadsheets."""

import json

from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from core.exports import XLSX, as_csv, as_xlsx, xml_text
from core.pdf import render_pdf
from core.word import (
    add_picture,
    add_table,
    finish_table_of_contents,
    start_table_of_contents,
    word_bytes,
    word_document,
)

from .document import key_figure_rows, localised
from .opendata import key_figures_csv

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "pdfa": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "json": "application/json; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "xlsx": XLSX,
}
EXTENSIONS = {"pdfa": "pdf"}


def report_pdf(document: dict, *, archival: bool = False, version=None) -> bytes:
    """PDF/UA-1 to read, PDF/A-2a (tagged) for the archive (`core.pdf`)."""
    doc = localised(document)
    context = {"doc": doc, "version": version}
    return render_pdf("reports/report_pdf.html", context, archival=archival)


def report_docx(document: dict, *, version=None) -> bytes:
    from .raster import bar_png, line_png

    doc = _xml_safe(localised(document))  # python-docx refuses control characters
    organisations = ", ".join(o["name"] for o in doc["organisations"])
    word = word_document(title=doc["title"], author=organisations)
    word.add_heading(doc["title"], level=0)
    word.add_paragraph(_meta_line(doc, version))
    contents = start_table_of_contents(word, _("Contents"))
    narrative = doc["narrative"]
    if narrative["foreword"]:
        word.add_heading(_("Foreword"), level=1)
        _paragraphs(word, narrative["foreword"])
    for section in _with_parts(word, doc["parts"]):
        word.add_heading(section["title"], level=2)
        for sentence in section["sentences"]:
            word.add_paragraph(sentence["text"])
        for block in section["blocks"]:
            if block["kind"] == "chart":
                word.add_paragraph(block["title"], style="Caption")
                picture = line_png(block) if block.get("shape") == "line" else bar_png(block)
                add_picture(word, picture, width_cm=16, alt=block["text_alternative"])
                word.add_paragraph(block["text_alternative"])
            else:
                word.add_paragraph(block["caption"], style="Caption")
            add_table(word, block["columns"], block["rows"])
            if block["note"]:
                word.add_paragraph(block["note"])
    if narrative["analysis"]:
        word.add_heading(_("Analysis per success factor"), level=1)
        for item in narrative["analysis"]:
            word.add_heading(item["label"], level=2)
            _paragraphs(word, item["text"])
    if narrative["priorities"]:
        word.add_heading(_("Priorities for next year"), level=1)
        _paragraphs(word, narrative["priorities"])
    finish_table_of_contents(word, contents)
    return word_bytes(word)


def _with_parts(word, parts):
    """The sections, each part's heading written before its first section."""
    for part in parts:
        word.add_heading(part["title"], level=1)
        yield from part["sections"]


def _xml_safe(value):
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, dict):
        return {key: _xml_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_xml_safe(item) for item in value]
    return value


def _meta_line(doc, version) -> str:
    names = ", ".join(o["name"] for o in doc["organisations"])
    line = _("%(organisations)s · figures as of %(date)s") % {
        "organisations": names,
        "date": doc["as_of"],
    }
    if version is not None:
        line += " · " + _("version %(number)s") % {"number": version.number}
    return line


def _paragraphs(word, text):
    for paragraph in text.split("\n\n"):
        if paragraph.strip():
            word.add_paragraph(paragraph.strip())


def report_json(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=1, default=str).encode()


def _key_figure_table(document: dict):
    """The key figures with headers in the reader's language, for people."""
    language = (translation.get_language() or "sv")[:2]
    columns = [_("year"), _("section"), _("figure id"), _("figure"), _("organisation"), _("value")]
    return columns, key_figure_rows(document, language)


def report_csv(document: dict) -> bytes:
    """The key figures as an office list (Swedish Excel: `;`, decimal comma, BOM)."""
    return as_csv(*_key_figure_table(document)).encode("utf-8")


def report_xlsx(document: dict) -> bytes:
    return as_xlsx(_("Key figures"), *_key_figure_table(document))


def export_response(
    document: dict, fmt: str, filename: str, *, version=None, office_csv=False
) -> HttpResponse:
    """`fmt` of the report; CSV is open data unless `office_csv` (the staff's preview)."""
    if fmt in ("pdf", "pdfa"):
        content = report_pdf(document, archival=fmt == "pdfa", version=version)
    elif fmt == "docx":
        content = report_docx(document, version=version)
    elif fmt == "json":
        content = report_json(document)
    elif fmt == "xlsx":
        content = report_xlsx(document)
    elif office_csv:
        content = report_csv(document)
    else:
        content = key_figures_csv(document)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    extension = EXTENSIONS.get(fmt, fmt)
    suffix = "-pdfa" if fmt == "pdfa" else ""
    disposition = "inline" if fmt in ("pdf", "pdfa", "json") else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}{suffix}.{extension}"'
    return response
