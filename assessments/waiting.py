"""Cases waiting on the user, and overdue follow-ups, for the start page."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.start import WaitingItem, waiting_provider
from organisations.access import user_access
from organisations.permissions import allowed_roles

from .models import Assessment, Case, Decision

LIMIT = 10


def _organisations_where(user, object_type, action):
    """Organisations (and bodies) where the user's roles allow the action."""
    access = user_access(user)
    roles = allowed_roles(object_type, action)
    organisations = [o for o, held in access.organisation_roles.items() if held & roles]
    bodies = [b for b, held in access.body_roles.items() if held & roles]
    return Q(organisation_id__in=organisations) | Q(body_id__in=bodies)


@waiting_provider
def cases_waiting(user):
    items = []
    mine = Case.objects.filter(
        officer=user,
        status__in=[Case.Status.DRAFT, Case.Status.IN_PREPARATION, Case.Status.RETURNED],
    )
    for case in mine.order_by("planned_decision_date")[:LIMIT]:
        label = (
            _("Returned: %(case)s")
            if case.status == Case.Status.RETURNED
            else _("Prepare: %(case)s")
        )
        items.append(
            WaitingItem(
                label % {"case": case},
                case.get_absolute_url(),
                overdue=case.status == Case.Status.RETURNED,
            )
        )
    review_scope = _organisations_where(user, "assessment", "review")
    submitted = Case.objects.filter(review_scope, assessment__status=Assessment.Status.SUBMITTED)
    for case in submitted.exclude(officer=user)[:LIMIT]:
        items.append(
            WaitingItem(
                _("Review the assessment: %(case)s") % {"case": case},
                reverse("assessments:review", args=[case.pk]),
            )
        )
    decide_scope = _organisations_where(user, "decision", "add")
    for case in Case.objects.filter(decide_scope, status=Case.Status.READY_FOR_DECISION)[:LIMIT]:
        items.append(
            WaitingItem(
                _("Record the decision: %(case)s") % {"case": case},
                reverse("assessments:decide", args=[case.pk]),
            )
        )
    return items


@waiting_provider
def overdue_follow_ups(user):
    scope = _organisations_where(user, "decision", "follow_up")
    overdue = Decision.objects.filter(
        follow_up_date__lt=timezone.localdate(), follow_up_done_on__isnull=True
    )
    overdue = overdue.filter(Q(case__officer=user) | Q(case__in=Case.objects.filter(scope)))
    return [
        WaitingItem(
            _("Follow up the decision: %(case)s") % {"case": decision.case},
            reverse("assessments:follow_up", args=[decision.case_id]),
            overdue=True,
        )
        for decision in overdue.select_related("case")[:LIMIT]
    ]
