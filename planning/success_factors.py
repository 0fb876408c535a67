"""Barnombudsmannen's seven success factors for putting the Convention into practice. Policies
and goals say which of them they serve; the self-assessment will score them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SuccessFactor(models.TextChoices):
    UNDERSTAND_CONDITIONS = "understand_conditions", _("Understand children's conditions")
    LONG_TERM_PLAN = "long_term_plan", _("Make a long-term plan")
    COORDINATE = "coordinate", _("Coordinate the implementation")
    CHILD_RIGHTS_PERSPECTIVE = "child_rights_perspective", _("Work from a child-rights perspective")
    BUDGET = "budget", _("Make children visible in the budget")
    TRAINING = "training", _("Train and raise awareness")
    CIVIL_SOCIETY = "civil_society", _("Involve civil society")


def labels(values) -> list[str]:
    """The labels of stored success-factor values, in the order of the list above."""
    chosen = set(values or ())
    return [str(label) for value, label in SuccessFactor.choices if value in chosen]


def unknown(values) -> set:
    return set(values or ()) - set(SuccessFactor.values)
