"""Yearly reports sent for approval, on the start page of those who may approve them."""

from django.db.models import Q
from django.utils.translation import gettext as _

from core.start import WaitingItem, waiting_provider
from organisations.access import user_access
from organisations.permissions import allowed_roles

from .models import Report

LIMIT = 10


@waiting_provider
def reports_to_approve(user):
    roles = allowed_roles("report", "approve")
    access = user_access(user)
    organisations = [o for o, held in access.organisation_roles.items() if held & roles]
    bodies = [b for b, held in access.body_roles.items() if held & roles]
    if not organisations and not bodies:
        return []
    waiting = Report.objects.filter(
        Q(organisation_id__in=organisations) | Q(body_id__in=bodies),
        status=Report.Status.DRAFT,
        sent_for_approval_at__isnull=False,
    ).order_by("sent_for_approval_at")
    return [
        WaitingItem(_("Approve: %(report)s") % {"report": report.title}, report.get_absolute_url())
        for report in waiting.only("pk", "title", "slug", "year")[:LIMIT]
    ]
