"""Start-page items: recommendations that wait for the reviewed organisation's answer, and
reports the reviewing organisations owe."""

from django.utils import timezone
from django.utils.translation import gettext as _

from core.start import WaitingItem, waiting_provider
from organisations.access import user_access
from organisations.permissions import allowed_roles

from .models import PeerReview, Status


def _where(user, action) -> list[int] | None:
    """The user's organisations in which `action` on a peer review is allowed (None: all)."""
    if user.is_superuser:
        return None
    access = user_access(user)
    roles = allowed_roles("peerreview", action)
    return [pk for pk in access.organisation_ids if access.roles_in(pk) & roles]


@waiting_provider
def recommendations_to_answer(user):
    reviews = PeerReview.objects.visible_to(user).filter(status=Status.REPORTED)
    where = _where(user, "answer")
    if where is not None:
        reviews = reviews.filter(organisation_id__in=where)
    return [
        WaitingItem(
            label=_("Answer the recommendations of %(title)s") % {"title": review.title},
            url=review.get_absolute_url(),
        )
        for review in reviews.order_by("report_due", "id")[:10]
    ]


@waiting_provider
def reports_to_write(user):
    where = _where(user, "review")
    if where is not None and not where:
        return []
    reviews = PeerReview.objects.visible_to(user).filter(
        status__in=(Status.PLANNED, Status.IN_PROGRESS)
    )
    if where is not None:
        reviews = reviews.filter(reviewing_organisations__in=where).distinct()
    today = timezone.localdate()
    return [
        WaitingItem(
            label=_("Report %(title)s (due %(date)s)")
            % {"title": review.title, "date": review.report_due.isoformat()},
            url=review.get_absolute_url(),
            overdue=review.report_due < today,
        )
        for review in reviews.exclude(report_due=None).order_by("report_due", "id")[:10]
    ]
