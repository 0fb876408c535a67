"""What the basis for a decision still lacks, following Barnombudsmannen's questions."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .dimensions import DimensionAnswer, dimension_answers, dimension_sections
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


class Criteria:
    """Barnombudsmannen's criteria as one template version asks them: the questions tagged with
    each criterion and the dimension questions, found once. The yearly report checks thousands
    of assessments of the same few versions, so it makes one per version; `completeness` and
    `is_complete` make one per call."""

    def __init__(self, sections):
        self.sections = sections
        self.full_assessment = has_full_assessment(sections)
        questions = list(iter_questions(sections))
        self.tagged = [
            (key, label, [(s, q) for s, q in questions if q.get("criterion") == key])
            for key, label in COMPLETENESS
        ]
        self.dimension_sections = dimension_sections(sections)

    def outcomes(self, answers):
        """(key, lazy label, ok, applies) per criterion, in Barnombudsmannen's order; the
        dimension checks follow as (key, DimensionAnswer, ok, True)."""
        affected = children_may_be_affected(answers)
        screened = is_answered(answers.get("children_affected"))
        if affected and not self.full_assessment:
            label = _(
                "Children are affected: a full assessment is needed, with a template that has one"
            )
            yield "full_assessment", label, False, True
        for key, label, tagged in self.tagged:
            applicable = [q for s, q in tagged if question_applies(s, q, answers)]
            if applicable:
                yield key, label, all(is_answered(answers.get(q["key"])) for q in applicable), True
            elif screened and not affected:
                # Children are not affected (with a reason): the full assessment does not apply.
                yield key, label, True, False
            elif key == "compensating_measures" and tagged:
                # The proposal does not go against the child's best interests.
                yield key, label, True, False
            else:
                yield key, label, False, True
        for entry in dimension_answers(self.dimension_sections, answers):
            yield f"dimension_{entry.key}", entry, entry.answered, True

    def checks(self, answers) -> list[Check]:
        return [
            Check(key, _label(label), ok=ok, applies=applies)
            for key, label, ok, applies in self.outcomes(answers)
        ]

    def is_complete(self, answers) -> bool:
        # No labels: translating them is most of the cost when thousands are checked.
        return all(ok for _key, _label, ok, applies in self.outcomes(answers) if applies)


def _label(label) -> str:
    """A criterion's label, or a dimension check's (label is then its DimensionAnswer)."""
    if isinstance(label, DimensionAnswer):
        text = (
            _("%(dimension)s: the effect is assessed and described")
            if label.asks_effect
            else _("%(dimension)s: the effect is described")
        )
        return str(text % {"dimension": label.label})
    return str(label)


def completeness(sections, answers) -> list[Check]:
    """One Check per criterion, in Barnombudsmannen's order."""
    return Criteria(sections).checks(answers)


def is_complete(sections, answers) -> bool:
    return Criteria(sections).is_complete(answers)
