"""What the yearly account counts of the youth forum, defined once: the report's youth-forum
section and the meeting and proposal lists' filters (`filters.py`) both read these, so a figure
and the list behind it cannot drift apart (issue 22)."""

from django.db.models import Q

from .models import ForumProposal

Status = ForumProposal.Status
# Each count of proposals as the statuses it takes in.
PROPOSALS = {
    "proposals": tuple(Status.values),
    "answered": (Status.ACCEPTED, Status.PARTLY_ACCEPTED, Status.REJECTED),
    "accepted": (Status.ACCEPTED, Status.PARTLY_ACCEPTED),
    "waiting": (Status.SENT,),
}


def meetings_in(year: int) -> Q:
    return Q(held_on__year=year)


def proposals_sent_in(year: int) -> Q:
    return Q(sent_on__year=year)
