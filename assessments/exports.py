"""Exports are data × format: one builder gathers an assessment's content; PDF (WeasyPrint, from
the same template as the print view) and DOCX (python-docx) render it. The case list exports to
CSV and XLSX from the same filtered queryset as the page."""

from django.utils.translation import gettext as _

from core.exports import xml_text
from core.pdf import render_pdf
from core.word import (
    add_table,
    finish_table_of_contents,
    start_table_of_contents,
    word_bytes,
    word_document,
)

from .completeness import completeness
from .dimensions import dimension_answers
from .presentation import answer_sections, cited_statistics

# The shipped templates that are assessments of the child's best interests and nothing else.
BEST_INTERESTS_TEMPLATES = ("standard", "screening")


def export_title(version) -> str:
    """The heading of an exported assessment: the template used (the Checklista för hållbar
    utveckling, an organisation's own), or "Prövning av barnets bästa" for the shipped ones."""
    template = version.template
    if template.is_shipped and template.key in BEST_INTERESTS_TEMPLATES:
        return _("Assessment of the child's best interests")
    return template.name


def assessment_content(case) -> dict:
    """Everything an exported assessment shows, in display form."""
    assessment = case.assessment
    sections, answers = assessment.template_version.sections, assessment.answers
    return {
        "case": case,
        "assessment": assessment,
        "title": export_title(assessment.template_version),
        "sections": answer_sections(sections, answers),
        "dimensions": dimension_answers(sections, answers),
        "checks": completeness(sections, answers),
        "decision": getattr(case, "decision", None),
        "citations": cited_statistics(assessment),
    }


def assessment_pdf(case, *, request=None) -> bytes:
    return render_pdf("assessments/assessment_pdf.html", assessment_content(case), request=request)


def assessment_docx(case) -> bytes:
    """Every text from the case goes through `xml_text`: python-docx refuses control
    characters, which a pasted or imported text may carry."""
    content = assessment_content(case)
    kind = content["title"]
    document = word_document(
        title=f"{case.case_number} {case.title}", author=case.organisation.name, subject=kind
    )
    document.add_heading(kind, level=0)
    _docx_facts(document, content)
    contents = start_table_of_contents(document, _("Contents"))
    if content["assessment"].summary:
        document.add_heading(_("Summary"), level=1)
        document.add_paragraph(xml_text(content["assessment"].summary))
    if content["dimensions"]:
        document.add_heading(_("Sustainability dimensions"), level=1)
        add_table(
            document,
            [_("Dimension"), _("Assessed effect"), _("Description")],
            [
                [d.label, d.effect_label or "–", xml_text(d.text) or _("Not answered")]
                for d in content["dimensions"]
            ],
        )
    for section in content["sections"]:
        document.add_heading(xml_text(section.title), level=1)
        for row in section.rows:
            document.add_heading(xml_text(row.question), level=2)
            if row.table:
                _docx_table(document, row.table)
            else:
                document.add_paragraph(xml_text(row.answer))
    if content["citations"]:
        document.add_heading(_("Statistics cited"), level=1)
        for name, figure, note in content["citations"]:
            line = f"{name}: {figure}" + (f" – {note}" if note else "")
            document.add_paragraph(xml_text(line), style="List Bullet")
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
