"""The maturity scale of the yearly self-assessment: five levels, and what each level means for
each of Barnombudsmannen's seven success factors (one line per level and factor)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .success_factors import SuccessFactor as F


class Level(models.IntegerChoices):
    NOT_STARTED = 0, _("0 not started")
    INITIATED = 1, _("1 initiated")
    IN_PARTS = 2, _("2 established in parts")
    THROUGHOUT = 3, _("3 established throughout")
    SYSTEMATIC = 4, _("4 systematically developed")


HIGHEST = max(Level.values)

MEANINGS = {
    F.UNDERSTAND_CONDITIONS: (
        _("There is no gathered picture of children's conditions in the municipality."),
        _("Some statistics on children are gathered, but not analysed or used."),
        _(
            "Some committees analyse statistics and children's views (such as LUPP) and use "
            "them in their work."
        ),
        _(
            "A shared situation analysis of children's conditions, built on statistics and "
            "children's own views, underlies the work of every committee."
        ),
        _(
            "The analysis is renewed every year, broken down by groups of children, compared "
            "over time and with others, and it steers the priorities."
        ),
    ),
    F.LONG_TERM_PLAN: (
        _("There is no policy or plan for the work with children's rights."),
        _("Work on a policy or plan has begun, or there is one that is not adopted."),
        _("An adopted plan exists, but with few measurable goals or only for some committees."),
        _(
            "An adopted, long-term plan with priorities, goals, activities and responsibilities "
            "covers the whole organisation."
        ),
        _(
            "The plan is followed up every year, revised on time and built on the situation "
            "analysis and children's views."
        ),
    ),
    F.COORDINATE: (
        _("Nobody is responsible for coordinating the work."),
        _("Someone has been asked to coordinate, but without a mandate or time for it."),
        _("There is a coordinator or a network, but not every committee takes part."),
        _(
            "A coordinator with a mandate and a network of every committee lead the work "
            "across sectors."
        ),
        _(
            "The coordination is evaluated and developed, together with other municipalities, "
            "the region and other partners."
        ),
    ),
    F.CHILD_RIGHTS_PERSPECTIVE: (
        _("The child's best interests are not assessed before decisions."),
        _("The child's best interests are assessed now and then, without a common method."),
        _(
            "Some committees use a checklist and assess the child's best interests in cases "
            "that affect children."
        ),
        _(
            "Every committee assesses the child's best interests with a common method, and "
            "children's views are part of the basis."
        ),
        _(
            "The assessments are reviewed, followed up after the decision, and the children "
            "hear back what happened."
        ),
    ),
    F.BUDGET: (
        _("Nobody knows what share of the budget reaches children."),
        _("A child budget has been discussed, but no method is used."),
        _("Some committees show what in their budget reaches children."),
        _(
            "Every committee shows the share of its budget that reaches children, with a "
            "common method."
        ),
        _(
            "The child budget is followed up in the annual accounts and steers how resources "
            "are shared out."
        ),
    ),
    F.TRAINING: (
        _("No training on the Convention has been given."),
        _("Single trainings have been given, to a few."),
        _("Elected members, managers or staff in some committees have been trained."),
        _(
            "There is a training plan, and elected members, managers and staff in every "
            "committee are trained."
        ),
        _(
            "Training recurs, is part of the introduction of new staff, and its coverage and "
            "effect are followed up."
        ),
    ),
    F.CIVIL_SOCIETY: (
        _("Civil society takes no part in the work."),
        _("There are contacts with associations now and then."),
        _("Some associations take part in parts of the work, such as consultations or activities."),
        _(
            "Civil society, children's organisations and children themselves are regular "
            "partners in planning and follow-up."
        ),
        _(
            "The cooperation is agreed in writing and evaluated together, and civil society "
            "helps to review the work."
        ),
    ),
}


def meaning(factor, level) -> str:
    """What `level` means for `factor`, or "" for no rating."""
    if level is None:
        return ""
    return str(MEANINGS[F(factor)][int(level)])
