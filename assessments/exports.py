"""Exports are data × format: one builder gathers an assessment's content; PDF (WeasyPrint, from
the same template as the print view) and DOCX (python-docx) render it. The case list exports to
CSV and XLSX from the same filtered queryset as the page."""

import io

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from core.exports import xml_text

from .completeness import completeness
from .presentation import answer_sections


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
    from weasyprint import HTML

    html = render_to_string(
        "assessments/assessment_pdf.html", assessment_content(case), request=request
    )
    return HTML(string=html).write_pdf()


def assessment_docx(case) -> bytes:
    """Every text from the case goes through `xml_text`: python-docx refuses control
    characters, which a pasted or imported text may carry."""
    from docx import Document

    content = assessment_content(case)
    document = Document()
    document.core_properties.title = xml_text(case)
    document.add_heading(_("Assessment of the child's best interests"), level=0)
    _docx_facts(document, content)
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
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_facts(document, content):
    case, assessment = content["case"], content["assessment"]
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in (
        (_("Case"), f"{case.case_number} {case.title}"),
        (_("Body"), f"{case.body} ({case.organisation})"),
        (_("Template"), str(assessment.template_version)),
        (_("Status"), assessment.get_status_display()),
    ):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = str(label), xml_text(value)


def _docx_table(document, rows):
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, header in zip(
        table.rows[0].cells, (_("Group"), _("Effect"), _("How large"), _("How likely")), strict=True
    ):
        cell.text = str(header)
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = xml_text(value)


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


def case_table(cases) -> tuple[list[str], list[list]]:
    """The case list as columns and rows for `core.exports.export_response`."""
    return [str(label) for _key, label in CASE_COLUMNS], case_rows(cases)
