"""A person's private calendar feed (RFC 5545, through the icalendar package): meetings,
deadlines and follow-ups from every app, as all-day events. Each app registers a provider,
as for the start page (core/start.py); home serves the feed at an address with a secret."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

_providers = []

# How far back a feed reaches: a calendar app keeps what it has already read.
PAST_DAYS = 90


@dataclass(frozen=True)
class CalendarEntry:
    """One day in the person's calendar; `uid` stays the same when the record changes."""

    uid: str
    title: str
    day: date
    url: str
    description: str = ""


def calendar_provider(func):
    """Register `func(user, since: date) -> list[CalendarEntry]`."""
    _providers.append(func)
    return func


def entries(user) -> list[CalendarEntry]:
    since = timezone.localdate() - timedelta(days=PAST_DAYS)
    found = [entry for provider in _providers for entry in provider(user, since)]
    return sorted(found, key=lambda entry: (entry.day, entry.title))


def feed(user, *, name: str) -> bytes:
    """The person's entries as an iCalendar file (all-day events: DTSTART;VALUE=DATE)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Barnrätt//Barnrätt//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now()
    host = settings.SITE_URL.split("//")[-1].split("/")[0] or "barnratt"
    for entry in entries(user):
        event = Event()
        event.add("uid", f"{entry.uid}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.day)
        event.add("dtend", entry.day + timedelta(days=1))
        event.add("summary", entry.title)
        url = settings.SITE_URL.rstrip("/") + entry.url
        event.add("url", url)
        event.add("description", f"{entry.description}\n{url}".strip())
        event.add("transp", "TRANSPARENT")  # a deadline does not make the person busy
        calendar.add_component(event)
    return calendar.to_ical()
