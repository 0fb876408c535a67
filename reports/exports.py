"""The report's formats, all from one document (`document.build_document` or a frozen
version's data): PDF from the web page's template (WeasyPrint; PDF/A-3b for the archive), DOCX
(python-docx, Word's heading styles, tables, charts as pictures), JSON and CSV (open data)."""

import csv
import io
import json

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from core.exports import safe_cell, xml_text

from .document import key_figure_rows, localised

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "pdfa": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "json": "application/json; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}
EXTENSIONS = {"pdfa": "pdf"}


def report_pdf(document: dict, *, archival: bool = False, version=None) -> bytes:
    from weasyprint import HTML

    doc = localised(document)
    html = render_to_string("reports/report_pdf.html", {"doc": doc, "version": version})
    options = {"pdf_variant": "pdf/a-3b"} if archival else {}
    return HTML(string=html).write_pdf(**options)


def report_docx(document: dict, *, version=None) -> bytes:
    from docx import Document
    from docx.shared import Cm

    from .raster import bar_png, line_png

    doc = _xml_safe(localised(document))  # python-docx refuses control characters
    word = Document()
    word.core_properties.title = doc["title"]
    word.add_heading(doc["title"], level=0)
    word.add_paragraph(_meta_line(doc, version))
    narrative = doc["narrative"]
    if narrative["foreword"]:
        word.add_heading(_("Foreword"), level=1)
        _paragraphs(word, narrative["foreword"])
    for section in doc["sections"]:
        word.add_heading(section["title"], level=1)
        for sentence in section["sentences"]:
            word.add_paragraph(sentence["text"])
        for block in section["blocks"]:
            if block["kind"] == "chart":
                word.add_paragraph(block["title"], style="Caption")
                picture = line_png(block) if block.get("shape") == "line" else bar_png(block)
                word.add_picture(io.BytesIO(picture), width=Cm(16))
                word.add_paragraph(block["text_alternative"])
            else:
                word.add_paragraph(block["caption"], style="Caption")
            _table(word, block["columns"], block["rows"])
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
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


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


def _table(word, columns, rows):
    table = word.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, columns, strict=True):
        cell.text = str(header)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = str(value)


def report_json(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=1, default=str).encode()


def report_csv(document: dict) -> bytes:
    language = (translation.get_language() or "sv")[:2]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [_("year"), _("section"), _("figure id"), _("figure"), _("organisation"), _("value")]
    )
    for row in key_figure_rows(document, language):
        writer.writerow([safe_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def export_response(document: dict, fmt: str, filename: str, *, version=None) -> HttpResponse:
    if fmt in ("pdf", "pdfa"):
        content = report_pdf(document, archival=fmt == "pdfa", version=version)
    elif fmt == "docx":
        content = report_docx(document, version=version)
    elif fmt == "json":
        content = report_json(document)
    else:
        content = report_csv(document)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    extension = EXTENSIONS.get(fmt, fmt)
    suffix = "-pdfa" if fmt == "pdfa" else ""
    disposition = "inline" if fmt in ("pdf", "pdfa", "json") else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}{suffix}.{extension}"'
    return response
