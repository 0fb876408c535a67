"""The person's calendar (core/calendar.py): planned decisions of their own cases and the
follow-ups of decisions they may follow up."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from core.calendar import CalendarEntry, calendar_provider

from .models import Case, Decision
from .waiting import scope_bodies, scope_organisations

LIMIT = 500


@calendar_provider
def case_dates(user, since):
    mine = Case.objects.filter(officer=user, planned_decision_date__gte=since).exclude(
        status=Case.Status.DECIDED
    )
    found = [
        CalendarEntry(
            f"case-planned-{case.pk}",
            _("Planned decision: %(case)s") % {"case": case},
            case.planned_decision_date,
            case.get_absolute_url(),
        )
        for case in mine.only("case_number", "title", "planned_decision_date")[:LIMIT]
    ]
    in_scope = Q(organisation_id__in=scope_organisations(user, "decision", "follow_up"))
    in_scope |= Q(case__body_id__in=scope_bodies(user, "decision", "follow_up"))
    due = Decision.objects.filter(
        Q(case__officer=user) | in_scope,
        follow_up_date__gte=since,
        follow_up_done_on__isnull=True,
    )
    for case_id, number, title, day in due.values_list(
        "case_id", "case__case_number", "case__title", "follow_up_date"
    )[:LIMIT]:
        found.append(
            CalendarEntry(
                f"decision-follow-up-{case_id}",
                _("Follow up the decision: %(case)s") % {"case": f"{number} {title}"},
                day,
                reverse("assessments:follow_up", args=[case_id]),
            )
        )
    return found
