"""The person's calendar (core/calendar.py): the youth forum's meetings."""

from core.calendar import CalendarEntry, calendar_provider

from .models import ForumMeeting


@calendar_provider
def forum_meetings(user, since):
    meetings = ForumMeeting.objects.visible_to(user).filter(held_on__gte=since)
    return [
        CalendarEntry(
            f"forum-meeting-{meeting.pk}",
            str(meeting.forum),
            meeting.held_on,
            meeting.get_absolute_url(),
            meeting.place,
        )
        for meeting in meetings.select_related("forum")[:500]
    ]
