"""Start-page items: consultations whose cases are decided and still wait for feedback."""

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from assessments.models import Case
from core.start import WaitingItem, waiting_provider
from organisations.access import user_access
from organisations.permissions import allowed_roles

from .models import Consultation, Feedback


def _decided_case_links():
    # From the link table, so that the databases start from the consultation's own links rather
    # than from every decided case in the country (SQLite did, 0.3 s at national scale).
    links = Consultation.cases.through.objects
    return links.filter(consultation_id=OuterRef("pk"), case__status=Case.Status.DECIDED)


def waiting_for_feedback(user):
    """Consultations the user may write feedback for, whose linked case is decided and whose
    feedback is not yet published."""
    roles = allowed_roles("feedback", "add")
    access = user_access(user)
    organisations = None
    if not user.is_superuser:
        organisations = [pk for pk in access.organisation_ids if access.roles_in(pk) & roles]
    decided = _decided_case_links()
    published = Feedback.objects.filter(consultation=OuterRef("pk"), published_at__isnull=False)
    consultations = Consultation.objects.visible_to(user).filter(
        Exists(decided), ~Exists(published)
    )
    if organisations is not None:
        consultations = consultations.filter(organisation_id__in=organisations)
    return consultations.exclude(status=Consultation.Status.DRAFT)


@waiting_provider
def feedback_waiting(user):
    return [
        WaitingItem(
            label=_("Tell the children what happened: %(title)s") % {"title": consultation},
            url=reverse("participation:feedback_edit", args=[consultation.pk]),
        )
        for consultation in waiting_for_feedback(user)[:10]
    ]


def feedback_share(user) -> tuple[int, int]:
    """(answered, all) consultations the user sees whose linked case is decided: the share of
    children who heard back, as the start page and the yearly report show it."""
    decided = _decided_case_links()
    published = Feedback.objects.filter(consultation=OuterRef("pk"), published_at__isnull=False)
    counts = (
        Consultation.objects.visible_to(user)
        .filter(Exists(decided))
        .annotate(has_feedback=Exists(published))
        .aggregate(total=Count("pk"), answered=Count("pk", filter=Q(has_feedback=True)))
    )
    return counts["answered"], counts["total"]


@waiting_provider
def feedback_summary(user):
    roles = allowed_roles("feedback", "add")
    if not (user.is_superuser or user_access(user).all_roles & roles):
        return []
    answered, total = feedback_share(user)
    if answered == total:
        return []
    label = _(
        "Feedback to children: %(answered)s of %(total)s consultations with a decided case "
        "have been answered (%(share)s %%)"
    ) % {"answered": answered, "total": total, "share": round(100 * answered / total)}
    return [WaitingItem(label, reverse("participation:consultation_list") + "?status=closed")]
