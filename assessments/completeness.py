"""What the basis for a decision still lacks, following Barnombudsmannen's questions."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .dimensions import dimension_answers
from .questions import (
    COMPLETENESS,
    children_may_be_affected,
    is_answered,
    iter_questions,
    question_applies,
)


@dataclass(frozen=True)
class Check:
    """One question to the decision-maker: does the basis answer it?"""

    key: str
    label: str
    ok: bool
    applies: bool = True


def has_full_assessment(sections) -> bool:
    return any(section.get("full_assessment") for section in sections)


def completeness(sections, answers) -> list[Check]:
    """One Check per criterion, in Barnombudsmannen's order."""
    affected = children_may_be_affected(answers)
    screened = is_answered(answers.get("children_affected"))
    checks = []
    if affected and not has_full_assessment(sections):
        label = _(
            "Children are affected: a full assessment is needed, with a template that has one"
        )
        checks.append(Check("full_assessment", str(label), ok=False))
    for key, label in COMPLETENESS:
        tagged = [(s, q) for s, q in iter_questions(sections) if q.get("criterion") == key]
        applicable = [q for s, q in tagged if question_applies(s, q, answers)]
        if applicable:
            ok = all(is_answered(answers.get(q["key"])) for q in applicable)
            checks.append(Check(key, str(label), ok=ok))
        elif screened and not affected:
            # Children are not affected (with a reason): the full assessment does not apply.
            checks.append(Check(key, str(label), ok=True, applies=False))
        elif key == "compensating_measures" and tagged:
            # The proposal does not go against the child's best interests.
            checks.append(Check(key, str(label), ok=True, applies=False))
        else:
            checks.append(Check(key, str(label), ok=False))
    checks.extend(_dimension_checks(sections, answers))
    return checks


def _dimension_checks(sections, answers):
    """A template that asks about the dimensions of sustainable development (the Checklista)
    is complete only when each is described and, where asked, its effect assessed."""
    for entry in dimension_answers(sections, answers):
        label = (
            _("%(dimension)s: the effect is assessed and described")
            if entry.asks_effect
            else _("%(dimension)s: the effect is described")
        )
        yield Check(
            f"dimension_{entry.key}", str(label % {"dimension": entry.label}), entry.answered
        )


def is_complete(sections, answers) -> bool:
    return all(check.ok for check in completeness(sections, answers) if check.applies)
