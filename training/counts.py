"""What the yearly account counts of trainings, defined once: the report's training section and
the training list's year filter both read it, so a figure and its list cannot drift (issue 22)."""

from django.db.models import Q


def held_in(year: int, prefix: str = "") -> Q:
    """The sessions held in a year (`prefix` reaches them from a related model: "session__")."""
    return Q(**{f"{prefix}held_on__year": year})
