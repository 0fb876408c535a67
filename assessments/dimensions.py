"""The dimensions of sustainable development a template asks about (Karlskoga's Checklista för
hållbar utveckling): public health, gender equality, ecology and economy.

A question names its dimension in the template JSON (`"dimension": "public_health"`); a
single-choice question with `"dimension_effect": true` holds the assessed effect in that
dimension, and a `target_areas` question tags the answer with the public-health target areas.
Version 1 of the shipped checklist predates the tags, so its four free-text questions are
recognised by their keys. The summary, the completeness check, the exports and the yearly
account read the dimensions from here (decision 0041).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from . import questions as Q_

DIMENSIONS = [
    ("public_health", _("Public health")),
    ("gender_equality", _("Gender equality")),
    ("ecological", _("Ecology")),
    ("economic", _("Economy")),
]
DIMENSION_LABELS = dict(DIMENSIONS)

EFFECT_CHOICES = [
    ("positive", _("positive")),
    ("negative", _("negative")),
    ("mixed", _("both positive and negative")),
    ("none", _("no effect")),
    ("uncertain", _("uncertain")),
]
EFFECT_LABELS = dict(EFFECT_CHOICES)

# The free-text questions of the checklist's first version, before questions named dimensions.
LEGACY_KEYS = {
    "public_health": "public_health",
    "equality": "gender_equality",
    "environment": "ecological",
    "economy": "economic",
}


@dataclass
class DimensionAnswer:
    """What an assessment says about one dimension."""

    key: str
    label: str
    text: str = ""
    effect: str = ""
    target_areas: list = field(default_factory=list)
    asks_effect: bool = False

    @property
    def effect_label(self) -> str:
        return str(EFFECT_LABELS.get(self.effect, self.effect))

    @property
    def answered(self) -> bool:
        if not self.text.strip():
            return False
        return bool(self.effect) or not self.asks_effect


def dimension_of(question) -> str:
    if question.get("dimension") in DIMENSION_LABELS:
        return question["dimension"]
    if question.get("kind") == Q_.FREE_TEXT:
        return LEGACY_KEYS.get(question.get("key"), "")
    return ""


def dimension_answers(sections, answers) -> list[DimensionAnswer]:
    """One entry per dimension the template asks about, in the checklist's order."""
    found: dict[str, DimensionAnswer] = {}
    for _section, question in Q_.iter_questions(sections):
        key = dimension_of(question)
        if not key:
            continue
        entry = found.setdefault(key, DimensionAnswer(key, str(DIMENSION_LABELS[key])))
        value = answers.get(question["key"])
        if question.get("dimension_effect"):
            entry.asks_effect = True
            entry.effect = value if isinstance(value, str) else ""
        elif question.get("kind") == Q_.TARGET_AREAS:
            entry.target_areas = [int(n) for n in (value or []) if str(n).isdigit()]
        elif question.get("kind") == Q_.FREE_TEXT:
            text = (value or "").strip()
            entry.text = f"{entry.text} {text}".strip() if entry.text else text
    return [found[key] for key, _label in DIMENSIONS if key in found]


def dimension_sections(sections) -> list[dict]:
    """The sections with only their dimension questions: `dimension_answers` gives the same
    entries from these, and a caller that reads many assessments of one template version
    (the yearly report) reduces the template once instead of walking every question of it
    for each assessment."""
    return [
        {"questions": [q for q in section.get("questions", []) if dimension_of(q)]}
        for section in sections
    ]


def has_dimensions(sections) -> bool:
    return any(dimension_of(q) for _s, q in Q_.iter_questions(sections))
