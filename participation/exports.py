"""Exports of a consultation's answers: data × format. `answer_rows` gathers one row per answer
in words; CSV and XLSX write them, and the PDF summary renders the same results as the page.

Nothing identifies a child: responses are numbered 1, 2, 3 … in the order they came (not by
database id), dates are given to the month, and free text only as masked and shown to others.
The submission key and the class code are never read; responses held as a suspected flood are
left out.
"""

from django.utils.translation import gettext as _

from core.pdf import render_pdf

from .forms import scale_words
from .models import AgeBand, Answer, Consultation, Question, Response
from .results import SHOWN, consultation_results


def columns() -> list[str]:
    return [
        _("Response"),
        _("Month"),
        _("Age"),
        _("Gender"),
        _("Question"),
        _("Answer"),
    ]


def answer_in_words(question: Question, value, masked_text: str) -> str:
    """An answer as a reader would say it: option labels, the scale's word, a ranking."""
    options = question.options
    if question.kind == Question.Kind.TEXT:
        return masked_text
    if question.kind == Question.Kind.SCALE:
        words = dict(enumerate(scale_words(question), start=1))
        return str(words.get(value, ""))
    if question.kind == Question.Kind.SINGLE:
        return _label(options, value)
    indexes = value if isinstance(value, list) else []
    if question.kind == Question.Kind.RANKING:
        return ", ".join(f"{place}. {_label(options, i)}" for place, i in enumerate(indexes, 1))
    return ", ".join(_label(options, i) for i in indexes)


def _label(options: list[str], index) -> str:
    return options[index] if isinstance(index, int) and 0 <= index < len(options) else ""


def answer_rows(consultation: Consultation):
    """One row per answer, responses numbered in the order they came; texts kept from others
    (waiting for moderation, hidden) and responses held as a suspected flood are left out."""
    questions = {q.pk: q for q in consultation.questions.all()}
    ages = dict(AgeBand.choices)
    genders = dict(Response.Gender.choices)
    answers = (
        Answer.objects.filter(response__consultation=consultation, response__suspected_flood=False)
        .exclude(question__kind=Question.Kind.TEXT, moderation__in=_not_shown())
        .order_by("response_id", "question__position", "question_id")
        .values_list(
            "response_id",
            "response__submitted_on",
            "response__age_band",
            "response__gender",
            "question_id",
            "value",
            "masked_text",
        )
    )
    number, previous = 0, None
    for response_id, day, age, gender, question_id, value, masked in answers.iterator():
        if response_id != previous:
            number, previous = number + 1, response_id
        question = questions[question_id]
        yield [
            number,
            f"{day:%Y-%m}",
            str(ages.get(age, age)),
            str(genders.get(gender, "")),
            question.text,
            answer_in_words(question, value, masked),
        ]


def _not_shown() -> list[str]:
    return [status for status in Answer.Moderation.values if status not in SHOWN]


def answers_table(consultation: Consultation) -> tuple[list[str], list[list]]:
    """Every answer as a row, for `core.exports.export_response`."""
    return columns(), answer_rows(consultation)


def results_pdf(consultation: Consultation) -> bytes:
    """A summary to share: totals, each question's chart and table, groups, meetings.
    Free text as others may see it (masked, not waiting for moderation nor hidden)."""
    results = consultation_results(consultation, raw=False, text_limit=None)
    return render_pdf("participation/results_pdf.html", {"results": results})
