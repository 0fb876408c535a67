"""The vocabulary of assessment templates: question kinds, child groups, completeness criteria.

A template version stores its sections as JSON:

    [{"key": "screening", "title": {"sv": …, "en": …}, "full_assessment": false,
      "questions": [{"key": "children_affected", "kind": "yes_no_unknown",
                     "text": {"sv": …, "en": …}, "help": {"sv": …, "en": …},
                     "criterion": "children_identified",
                     "show_if": {"question": "…", "in": ["yes"]}, "options": [...]}]}]

`full_assessment` sections apply only when children are (or may be) affected; `show_if` makes a
question apply only after a given answer; `criterion` ties a question to one of Barnombudsmannen's
questions to the decision-maker (see COMPLETENESS).
"""

from django.utils.translation import gettext_lazy as _

from core.i18n import localised  # noqa: F401  (re-exported)

YES_NO_UNKNOWN = "yes_no_unknown"
SINGLE_CHOICE = "single_choice"
MULTIPLE_CHOICE = "multiple_choice"
FREE_TEXT = "free_text"
ARTICLES = "articles"
CHILD_GROUPS = "child_groups"
CONSEQUENCES = "consequences"
TARGET_AREAS = "target_areas"

KINDS = {
    YES_NO_UNKNOWN: _("yes / no / don't know"),
    SINGLE_CHOICE: _("single choice"),
    MULTIPLE_CHOICE: _("multiple choice"),
    FREE_TEXT: _("free text"),
    ARTICLES: _("articles of the Convention"),
    CHILD_GROUPS: _("groups of children affected"),
    CONSEQUENCES: _("consequences per group"),
    TARGET_AREAS: _("public-health target areas"),
}

YES_NO_UNKNOWN_CHOICES = [("yes", _("Yes")), ("no", _("No")), ("unknown", _("Don't know"))]

CHILD_GROUPS_CHOICES = [
    ("age_0_5", _("Children aged 0–5")),
    ("age_6_12", _("Children aged 6–12")),
    ("age_13_17", _("Young people aged 13–17")),
    ("disability", _("Children with disabilities")),
    ("economic", _("Children in economically vulnerable families")),
    ("newly_arrived", _("Newly arrived children")),
    ("in_care", _("Children in care")),
]

EFFECT_CHOICES = [
    ("positive", _("positive")),
    ("negative", _("negative")),
    ("uncertain", _("uncertain")),
]
SIZE_CHOICES = [("small", _("small")), ("moderate", _("moderate")), ("large", _("large"))]
LIKELIHOOD_CHOICES = [
    ("unlikely", _("unlikely")),
    ("possible", _("possible")),
    ("likely", _("likely")),
]

# Barnombudsmannen's questions to the decision-maker, in order.
COMPLETENESS = [
    ("children_identified", _("The children affected are identified")),
    ("articles_identified", _("The rights (articles) affected are identified")),
    ("knowledge_mapped", _("Knowledge, research and law are mapped")),
    (
        "children_heard",
        _("Children have been heard and their views weighed, or it is said why not"),
    ),
    (
        "best_interests_weighed",
        _("The child's best interests are assessed and weighed against other interests"),
    ),
    (
        "compensating_measures",
        _("Compensating measures are described where the proposal goes against them"),
    ),
    ("feedback_planned", _("Feedback to the children is planned")),
]


def iter_questions(sections):
    for section in sections:
        for question in section.get("questions", []):
            yield section, question


def children_may_be_affected(answers) -> bool:
    return answers.get("children_affected") in ("yes", "unknown")


def question_applies(section, question, answers) -> bool:
    """Whether a question is part of this assessment, given the answers so far."""
    if section.get("full_assessment") and not children_may_be_affected(answers):
        return False
    condition = question.get("show_if")
    return not condition or answers.get(condition["question"]) in condition["in"]


def is_answered(value) -> bool:
    if isinstance(value, dict):
        return any(is_answered(item) for item in value.values())
    if isinstance(value, list | tuple):
        return bool(value)
    return value not in (None, "")
