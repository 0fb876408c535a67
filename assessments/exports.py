"""Exports are data × format: one builder gathers an assessment's content; PDF (WeasyPrint, from
the same template as the print view) and DOCX (python-docx) render it. The case list exports to
CSV and XLSX from the same filtered queryset as the page."""

import csv
import io
import numbers
import re

from django.utils.translation import gettext as _

from core.pdf import render_pdf
from core.word import (
    add_table,
    finish_table_of_contents,
    start_table_of_contents,
    word_bytes,
    word_document,
)

from .completeness import completeness
from .presentation import answer_sections

# Spreadsheet programs run cells that start with these as formulas (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def assessment_content(case) -> dict:
    """Everything an exported assessment shows, in display form."""
    assessment = case.assessment
    sections, answers = assessment.template_version.sections, assessment.answers
    return {
        "case": case,
        "assessment": assessment,
        "sections": answer_sections(sections, answers),
        "checks": completeness(sections, answers),
        "decision": getattr(case, "decision", None),
    }


def assessment_pdf(case, *, request=None) -> bytes:
    return render_pdf("assessments/assessment_pdf.html", assessment_content(case), request=request)


def assessment_docx(case) -> bytes:
    """Every text from the case goes through `xml_text`: python-docx refuses control
    characters, which a pasted or imported text may carry."""
    content = assessment_content(case)
    kind = _("Assessment of the child's best interests")
    document = word_document(
        title=f"{case.case_number} {case.title}", author=case.organisation.name, subject=kind
    )
    document.add_heading(kind, level=0)
    _docx_facts(document, content)
    contents = start_table_of_contents(document, _("Contents"))
    if content["assessment"].summary:
        document.add_heading(_("Summary"), level=1)
        document.add_paragraph(xml_text(content["assessment"].summary))
    for section in content["sections"]:
        document.add_heading(xml_text(section.title), level=1)
        for row in section.rows:
            document.add_heading(xml_text(row.question), level=2)
            if row.table:
                _docx_table(document, row.table)
            else:
                document.add_paragraph(xml_text(row.answer))
    document.add_heading(_("Is the basis complete?"), level=1)
    for check in content["checks"]:
        mark = "–" if not check.applies else ("✓" if check.ok else _("Missing:"))
        document.add_paragraph(xml_text(f"{mark} {check.label}"), style="List Bullet")
    finish_table_of_contents(document, contents)
    return word_bytes(document)


def _docx_facts(document, content):
    case, assessment = content["case"], content["assessment"]
    facts = [
        (_("Case"), f"{case.case_number} {case.title}"),
        (_("Body"), f"{case.body} ({case.organisation})"),
        (_("Template"), str(assessment.template_version)),
        (_("Status"), assessment.get_status_display()),
    ]
    add_table(document, None, facts)


def _docx_table(document, rows):
    add_table(document, (_("Group"), _("Effect"), _("How large"), _("How likely")), rows)


def safe_cell(value):
    """A spreadsheet cell that is shown as text, never run as a formula."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


# What XML 1.0 (XLSX, DOCX) cannot hold: control characters other than tab, newline and
# carriage return, lone surrogates and the two non-characters. Text may carry them (pasted from
# elsewhere, imported); a worksheet or document refuses them, so they are left out.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value) -> str:
    return XML_ILLEGAL.sub("", str(value))


def xlsx_cell(value):
    """A worksheet cell: numbers and dates as they are, text as `safe_cell` without what XML
    cannot hold (removed first, so that a control character cannot hide a formula)."""
    if value is None:
        return ""
    if isinstance(value, numbers.Number) or hasattr(value, "isoformat"):
        return value
    return safe_cell(xml_text(value))


CASE_COLUMNS = [
    ("case_number", _("Case number")),
    ("title", _("Title")),
    ("body", _("Body")),
    ("organisation", _("Organisation")),
    ("status", _("Status")),
    ("officer", _("Officer")),
    ("planned_decision_date", _("Planned decision date")),
    ("decision_date", _("Decision date")),
    ("children_affected", _("Children affected")),
]


def case_rows(cases):
    for case in cases:
        assessment = getattr(case, "assessment", None)
        yield [
            case.case_number,
            case.title,
            case.body.name,
            case.organisation.name,
            case.get_status_display(),
            str(case.officer or ""),
            case.planned_decision_date or "",
            case.decision_date or "",
            assessment.get_children_affected_display()
            if assessment and assessment.children_affected
            else "",
        ]


def cases_csv(cases) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([str(label) for _key, label in CASE_COLUMNS])
    for row in case_rows(cases):
        writer.writerow([safe_cell(value) for value in row])
    return "\ufeff" + buffer.getvalue()  # the byte-order mark makes Excel read UTF-8


def cases_xlsx(cases) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(_("Cases")))
    sheet.append([str(label) for _key, label in CASE_COLUMNS])
    for row in case_rows(cases):
        sheet.append([xlsx_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
