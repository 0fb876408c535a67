"""The person's calendar (core/calendar.py): the meetings of their networks."""

from core.calendar import CalendarEntry, calendar_provider

from .models import NetworkMeeting


@calendar_provider
def network_meetings(user, since):
    meetings = NetworkMeeting.objects.visible_to(user).filter(held_on__gte=since)
    return [
        CalendarEntry(
            f"network-meeting-{meeting.pk}",
            f"{meeting.network}: {meeting.title}",
            meeting.held_on,
            meeting.get_absolute_url(),
            meeting.place,
        )
        for meeting in meetings.select_related("network")[:500]
    ]
