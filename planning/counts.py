"""What the yearly account counts of the action plans' activities, defined once: the report's
plan and public-health sections and the activity list's filter (`filters.ActivityFilter`) both
read these, so a figure and the list behind it cannot drift apart (issue 22)."""

from django.db.models import Q

from .models import ActionPlan

CHILD_RIGHTS = "child_rights"
PUBLIC_HEALTH = "public_health"


def plan_covers(year: int) -> Q:
    return Q(start_year__lte=year, end_year__gte=year)


def plan_part(part: str) -> Q:
    """The bokslut's child-rights part reads the child-rights plans; its public-health part
    every other kind (programmes, regional and team plans)."""
    child_rights = Q(kind=ActionPlan.Kind.CHILD_RIGHTS)
    return child_rights if part == CHILD_RIGHTS else ~child_rights


def active_in(year: int) -> Q:
    """An activity that runs in some part of the year."""
    return Q(starts_on__year__lte=year, ends_on__year__gte=year)
