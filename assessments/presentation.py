"""An assessment as readable sections and answers: one builder for the page, print, review and
(later) the DOCX and PDF exports."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from convention.models import Article
from publichealth.choices import target_area_choices

from . import questions as Q_


@dataclass
class AnswerRow:
    question: str
    answer: str = ""
    table: list = field(default_factory=list)  # consequences: (group, effect, size, likelihood)


@dataclass
class SectionView:
    title: str
    rows: list


def template_sections(version) -> list[SectionView]:
    """A template version's sections and questions as shown to read (no answers): the
    template's page and a template shared with a network."""
    return [
        SectionView(
            Q_.localised(s["title"]),
            [
                (Q_.localised(q["text"]), Q_.KINDS.get(q["kind"], q["kind"]), q)
                for q in s.get("questions", [])
            ],
        )
        for s in (version.sections if version else [])
    ]


def _label(choices, value):
    return str(dict(choices).get(value, value))


def display_answer(question, value) -> AnswerRow:
    text = Q_.localised(question["text"])
    if not Q_.is_answered(value):
        return AnswerRow(text, _("Not answered"))
    kind = question["kind"]
    if kind == Q_.YES_NO_UNKNOWN:
        return AnswerRow(text, _label(Q_.YES_NO_UNKNOWN_CHOICES, value))
    if kind in (Q_.SINGLE_CHOICE, Q_.MULTIPLE_CHOICE):
        options = {o["value"]: Q_.localised(o["text"]) for o in question.get("options", [])}
        values = value if isinstance(value, list) else [value]
        return AnswerRow(text, ", ".join(options.get(v, v) for v in values))
    if kind == Q_.ARTICLES:
        titles = {a.number: a.title for a in Article.objects.filter(number__in=value)}
        return AnswerRow(text, "; ".join(f"{n}. {titles.get(n, '')}" for n in value))
    if kind == Q_.TARGET_AREAS:
        names = dict(target_area_choices())
        return AnswerRow(text, "; ".join(names.get(n, str(n)) for n in value))
    if kind == Q_.CHILD_GROUPS:
        return AnswerRow(text, ", ".join(_label(Q_.CHILD_GROUPS_CHOICES, v) for v in value))
    if kind == Q_.CONSEQUENCES:
        table = [
            (
                _label(Q_.CHILD_GROUPS_CHOICES, group),
                _label(Q_.EFFECT_CHOICES, parts.get("effect", "")),
                _label(Q_.SIZE_CHOICES, parts.get("size", "")),
                _label(Q_.LIKELIHOOD_CHOICES, parts.get("likelihood", "")),
            )
            for group, parts in value.items()
        ]
        return AnswerRow(text, table=table)
    return AnswerRow(text, str(value))


def answer_sections(sections, answers) -> list[SectionView]:
    """The sections that apply to these answers, each with its applicable questions answered."""
    views = []
    for section in sections:
        rows = [
            display_answer(q, answers.get(q["key"]))
            for q in section.get("questions", [])
            if Q_.question_applies(section, q, answers)
        ]
        if rows:
            views.append(SectionView(Q_.localised(section["title"]), rows))
    return views


def cited_statistics(assessment) -> list[tuple[str, str, str]]:
    """The statistics the assessment cites, as (indicator, its figure with year and source,
    the officer's note), for the print view, review page, PDF and Word file. Read through the
    reverse relation: the indicators app owns citations and depends on this one."""
    citations = assessment.indicator_citations.select_related("indicator", "organisation")
    return [(str(c.indicator), c.figure_text(), c.note) for c in citations]
