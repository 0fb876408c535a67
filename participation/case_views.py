"""A case's linked consultations as the assessment shows them: how many answered, each
question's result in a line, and the children's own words that may be shown to others, for the
officer to pick the quotes the assessment brings in. Groups smaller than MIN_GROUP_SIZE are left
out, as on every page that shows results."""

from dataclasses import dataclass, field

from django.utils.translation import ngettext

from .models import Consultation
from .privacy import MIN_GROUP_SIZE
from .results import cached_results

# The children's own words offered per question for the officer to pick from (newest first).
QUOTES_OFFERED = 10


@dataclass
class CaseViews:
    consultation: Consultation
    answered: int
    lines: list[str]
    suppressed: bool
    # (question, [(the line brought in, the quote)]) per free-text question with words to show.
    quotes: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)

    @property
    def text(self) -> str:
        """What "Bring into the answer" puts into "What do the children think?", with its
        source; the quotes the officer picked follow it."""
        return "\n".join(self.lines)


def linked_views(case, user) -> list[CaseViews]:
    """The results of the consultations linked to `case` that the user sees. Like the results
    page, these are for everyone who sees the consultation: the texts are the masked ones shown
    to others and small groups are left out, so the case officer who writes the assessment
    brings them in without the dialogue leader's right to read the children's own words."""
    return [_views(c) for c in Consultation.objects.visible_to(user).filter(cases=case)]


def _views(consultation) -> CaseViews:
    results = cached_results(consultation, raw=False, text_limit=None)
    answered = results.voices_in_all
    source = ngettext(
        "Consultation “%(title)s”: %(count)s child answered.",
        "Consultation “%(title)s”: %(count)s children answered.",
        answered,
    ) % {"title": consultation.title, "count": answered}
    if answered < MIN_GROUP_SIZE:
        return CaseViews(consultation, answered, [source], suppressed=True)
    lines, quotes = [source], []
    for result in results.questions:
        if result.answered < MIN_GROUP_SIZE:
            continue
        question = result.question.text
        lines.append(f"– {question}: {_summary(result)}")
        shown = [t.text for t in result.texts if t.shown_to_others][:QUOTES_OFFERED]
        if shown:
            quotes.append((question, [(f"– {question}: ”{text}”", text) for text in shown]))
    return CaseViews(consultation, answered, lines, suppressed=False, quotes=quotes)


def _summary(result) -> str:
    if result.question.kind == result.question.Kind.TEXT:
        return ngettext(
            "%(count)s answer in their own words",
            "%(count)s answers in their own words",
            result.answered,
        ) % {"count": result.answered}
    if result.mean:
        return result.mean
    counted = [(row[0], row[-1]) for row in result.rows if row[-1]]
    counted.sort(key=lambda row: -row[1])
    return ", ".join(f"{label} {count}" for label, count in counted)
