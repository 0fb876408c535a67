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
# What an item shows of a case (its number, title and status): the rest stays in the database.
SHOWN = ("case_number", "title", "status")


def scope_organisations(user, object_type, action):
    roles = allowed_roles(object_type, action)
    return [o for o, held in user_access(user).organisation_roles.items() if held & roles]


def scope_bodies(user, object_type, action):
    roles = allowed_roles(object_type, action)
    return [b for b, held in user_access(user).body_roles.items() if held & roles]


def _organisations_where(user, object_type, action):
    """Cases in organisations (and on bodies) where the user's roles allow the action."""
    return Q(organisation_id__in=scope_organisations(user, object_type, action)) | Q(
        body_id__in=scope_bodies(user, object_type, action)
    )


@waiting_provider
def cases_waiting(user):
    items = []
    mine = Case.objects.filter(
        officer=user,
        status__in=[Case.Status.DRAFT, Case.Status.IN_PREPARATION, Case.Status.RETURNED],
    )
    for case in mine.only(*SHOWN).order_by("planned_decision_date")[:LIMIT]:
        label = (
            _("Returned: %(case)s")
            if case.status == Case.Status.RETURNED
            else _("Prepare: %(case)s")
        )
        items.append(
            WaitingItem(
                label % {"case": case},
                case.get_absolute_url(),
                # Sent back is urgent, not late: it goes first without "(overdue)".
                first=case.status == Case.Status.RETURNED,
            )
        )
    review_scope = _organisations_where(user, "assessment", "review")
    # A submitted assessment's case is in preparation: the status narrows the scan to few rows.
    submitted = Case.objects.filter(
        review_scope,
        status=Case.Status.IN_PREPARATION,
        assessment__status=Assessment.Status.SUBMITTED,
    )
    for case in submitted.exclude(officer=user).only(*SHOWN)[:LIMIT]:
        items.append(
            WaitingItem(
                _("Review the assessment: %(case)s") % {"case": case},
                reverse("assessments:review", args=[case.pk]),
            )
        )
    decide_scope = _organisations_where(user, "decision", "add")
    ready = Case.objects.filter(decide_scope, status=Case.Status.READY_FOR_DECISION)
    for case in ready.only(*SHOWN)[:LIMIT]:
        items.append(
            WaitingItem(
                _("Record the decision: %(case)s") % {"case": case},
                reverse("assessments:decide", args=[case.pk]),
            )
        )
    return items


@waiting_provider
def overdue_follow_ups(user):
    overdue = Decision.objects.filter(
        follow_up_date__lt=timezone.localdate(), follow_up_done_on__isnull=True
    )
    # The decision's own organisation (and its case's body) instead of a subquery over all cases.
    in_scope = Q(organisation_id__in=scope_organisations(user, "decision", "follow_up"))
    in_scope |= Q(case__body_id__in=scope_bodies(user, "decision", "follow_up"))
    overdue = overdue.filter(Q(case__officer=user) | in_scope)
    return [
        WaitingItem(
            _("Follow up the decision: %(case)s") % {"case": f"{number} {title}"},
            reverse("assessments:follow_up", args=[case_id]),
            overdue=True,
        )
        for case_id, number, title in overdue.values_list(
            "case_id", "case__case_number", "case__title"
        )[:LIMIT]
    ]
