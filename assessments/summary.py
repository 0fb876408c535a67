"""A plain-Swedish paragraph for the officer's report (tjänsteskrivelse), made from the answers.
The officer may edit it; the edited text is what is stored."""

import difflib
import re
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from publichealth.choices import target_area_choices

from .dimensions import dimension_answers
from .questions import CHILD_GROUPS_CHOICES, children_may_be_affected


def generate_summary(case, answers, sections=()) -> str:
    """The child-rights paragraph, then one sentence per dimension of sustainable development
    the template asks about (the Checklista för hållbar utveckling)."""
    with translation.override("sv"):
        parts = [*_parts(case, answers), *_dimension_parts(sections, answers)]
        return " ".join(part for part in parts if part)


def _dimension_parts(sections, answers):
    names = None
    for entry in dimension_answers(sections, answers):
        if not entry.text and not entry.effect:
            yield _("%(dimension)s: not yet assessed.") % {"dimension": entry.label}
            continue
        effect = (
            _("%(dimension)s (assessed effect: %(effect)s)")
            % {"dimension": entry.label, "effect": entry.effect_label}
            if entry.effect
            else entry.label
        )
        text = entry.text.rstrip(".") or "–"
        yield f"{effect}: {text}."
        if entry.target_areas:
            names = names or dict(target_area_choices())
            areas = [names.get(n, str(n)) for n in entry.target_areas]
            yield _("Public-health target areas concerned: %(areas)s.") % {"areas": _join(areas)}


def _parts(case, answers):
    if not answers.get("children_affected"):
        yield _("Whether the matter affects children has not yet been assessed.")
        return
    if not children_may_be_affected(answers):
        reason = answers.get("not_affected_reason", "").strip()
        yield _("The assessment is that the matter does not affect children.")
        yield (_("Reason: %(reason)s") % {"reason": reason}) if reason else ""
        return
    groups = dict(CHILD_GROUPS_CHOICES)
    named = [str(groups[g]).lower() for g in answers.get("child_groups", []) if g in groups]
    yield (
        _("The matter affects children, in particular %(groups)s.") % {"groups": _join(named)}
        if named
        else _("The matter affects children.")
    )
    numbers = answers.get("articles") or []
    if numbers:
        yield _(
            "The rights concerned are set out in articles %(articles)s of the Convention on "
            "the Rights of the Child."
        ) % {"articles": _join([str(n) for n in numbers])}
    yield _heard(answers)
    best = answers.get("best_interests", "").strip()
    yield (_("The child's best interests: %(text)s") % {"text": best}) if best else ""
    if answers.get("against_best_interests") == "yes":
        yield _(
            "The proposal goes against the child's best interests; "
            "compensating measures: %(measures)s"
        ) % {"measures": answers.get("compensating_measures", "").strip() or "–"}
    feedback = answers.get("feedback_plan", "").strip()
    yield (_("Feedback to the children: %(text)s") % {"text": feedback}) if feedback else ""


def _heard(answers):
    if answers.get("children_heard") == "yes":
        how = answers.get("how_heard", "").strip().rstrip(".")
        return (
            _("Children have been heard (%(how)s).") % {"how": how}
            if how
            else _("Children have been heard.")
        )
    if answers.get("children_heard") in ("no", "unknown"):
        why = answers.get("why_not_heard", "").strip()
        return (
            _("Children have not been heard: %(why)s") % {"why": why}
            if why
            else _("Children have not been heard.")
        )
    return ""


def _join(items):
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " " + _("and") + " " + items[-1]


SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    return [part.strip() for part in SENTENCE_END.split(text or "") if part.strip()]


@dataclass
class SummaryChanges:
    """How the officer's own summary and the one the answers give now differ, sentence by
    sentence: what the answers say that the officer's text does not, and what only the
    officer's text says (lost if it is written anew)."""

    from_answers: list[str] = field(default_factory=list)
    only_in_own: list[str] = field(default_factory=list)

    def __bool__(self):
        return bool(self.from_answers or self.only_in_own)


def summary_changes(own: str, fresh: str) -> SummaryChanges:
    mine, theirs = sentences(own), sentences(fresh)
    changes = SummaryChanges()
    matcher = difflib.SequenceMatcher(a=mine, b=theirs, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            changes.only_in_own += mine[i1:i2]
        if tag in ("replace", "insert"):
            changes.from_answers += theirs[j1:j2]
    return changes
