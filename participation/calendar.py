"""The person's calendar (core/calendar.py): the last day of the consultations they see."""

from django.utils.translation import gettext as _

from core.calendar import CalendarEntry, calendar_provider

from .models import Consultation


@calendar_provider
def consultation_dates(user, since):
    open_ones = Consultation.objects.visible_to(user).filter(
        closes_on__gte=since,
        status__in=[Consultation.Status.DRAFT, Consultation.Status.OPEN],
    )
    return [
        CalendarEntry(
            f"consultation-closes-{consultation.pk}",
            _("Last day to answer: %(title)s") % {"title": consultation.title},
            consultation.closes_on,
            consultation.get_absolute_url(),
        )
        for consultation in open_ones.only("title", "closes_on")[:500]
    ]
