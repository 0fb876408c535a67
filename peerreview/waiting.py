"""Start-page items: recommendations that wait for the reviewed organisation's answer, and
reports the reviewing organisations owe. One query, none for users without the roles."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.start import WaitingItem, waiting_provider
from organisations.access import user_access
from organisations.permissions import allowed_roles

from .models import PeerReview, Status

OPEN = (Status.PLANNED, Status.IN_PROGRESS)


def _where(user, action) -> list[int] | None:
    """The user's organisations in which `action` on a peer review is allowed (None: all)."""
    if user.is_superuser:
        return None
    access = user_access(user)
    roles = allowed_roles("peerreview", action)
    return [pk for pk in access.organisation_ids if access.roles_in(pk) & roles]


def _filter(user) -> Q | None:
    answer, review = _where(user, "answer"), _where(user, "review")
    if answer == [] and review == []:
        return None
    to_answer = Q(status=Status.REPORTED)
    if answer is not None:
        to_answer &= Q(organisation_id__in=answer)
    to_report = Q(status__in=OPEN, report_due__isnull=False)
    if review is not None:
        to_report &= Q(reviewing_organisations__in=review)
    return to_answer | to_report


@waiting_provider
def peer_reviews_waiting(user):
    condition = _filter(user)
    if condition is None:
        return []
    reviews = (
        PeerReview.objects.visible_to(user)
        .filter(condition)
        .distinct()
        .order_by("report_due", "id")
        .values_list("pk", "title", "status", "report_due")[:20]
    )
    today = timezone.localdate()
    items = []
    for pk, title, status, report_due in reviews:
        url = reverse("peerreview:review_detail", args=[pk])
        if status == Status.REPORTED:
            label = _("Answer the recommendations of %(title)s") % {"title": title}
            items.append(WaitingItem(label=label, url=url))
        else:
            label = _("Report %(title)s (due %(date)s)") % {
                "title": title,
                "date": report_due.isoformat(),
            }
            items.append(WaitingItem(label=label, url=url, overdue=report_due < today))
    return items
