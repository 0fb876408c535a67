"""Start-page items: consultations whose cases are decided and still wait for feedback."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from core.start import WaitingItem, waiting_provider
from organisations.access import user_access
from organisations.permissions import allowed_roles

from . import counts
from .models import Consultation


def _with_decided_cases(user):
    """The consultations the user sees with a decided linked case, and whether their
    feedback is published."""
    return counts.with_decided_cases(Consultation.objects.visible_to(user))


def feedback_share(user) -> tuple[int, int]:
    """(answered, all) consultations the user sees whose linked case is decided: the share of
    children who heard back, as the start page and the yearly report show it."""
    counts = _with_decided_cases(user).aggregate(
        total=Count("pk"), answered=Count("pk", filter=Q(has_feedback=True))
    )
    return counts["answered"], counts["total"]


@waiting_provider
def feedback_items(user):
    """The consultations whose children still wait to hear what happened, and the share
    answered: read in one query (the start page runs every app's provider)."""
    roles = allowed_roles("feedback", "add")
    access = user_access(user)
    if not (user.is_superuser or access.all_roles & roles):
        return []
    rows = list(
        _with_decided_cases(user)
        .order_by("pk")
        .values_list("pk", "title", "organisation_id", "status", "has_feedback")
    )
    waiting = [
        WaitingItem(
            label=_("Tell the children what happened: %(title)s") % {"title": title},
            url=reverse("participation:feedback_edit", args=[pk]),
        )
        for pk, title, organisation_id, status, has_feedback in rows
        if not has_feedback
        and status != Consultation.Status.DRAFT
        and (user.is_superuser or access.roles_in(organisation_id) & roles)
    ][:10]
    answered = sum(row[4] for row in rows)
    if answered == len(rows):
        return waiting
    label = _(
        "Feedback to children: %(answered)s of %(total)s consultations with a decided case "
        "have been answered (%(share)s %%)"
    ) % {"answered": answered, "total": len(rows), "share": round(100 * answered / len(rows))}
    summary = WaitingItem(label, reverse("participation:consultation_list") + "?status=closed")
    return [*waiting, summary]
