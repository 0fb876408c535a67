"""Telling people what waits for them (issue 22): an e-mail at each hand-over, or one daily
digest of their start page, as each person chooses (`User.notify_by_email`).

Both go through the job queue (core/jobs.py), so a slow mail server never holds up the page
that made the hand-over, and a job keyed by the hand-over mails once however often it runs.
E-mail goes through Django's e-mail API: without `BARNRATT_EMAIL_HOST` the backend sends
nothing. The start page ("Waiting for you", core/start.py) is the inbox: a digest is that list.

What falls due on a day (a follow-up, a peer-review report) is told by the daily reminder run
(`manage.py send_reminders`), one `reminder` per app, which only tells and never changes state
(decision 0044). A hand-over in a lower app that a higher app's people wait on is a custom
signal of the lower app (`assessments.notifications.case_decided`).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import jobs
from .models import Job
from .start import waiting_items

KIND = "core.notify.send"
DIGEST_KIND = "core.notify.digest"

IMMEDIATELY, DAILY, NEVER = "immediately", "daily", "never"


def absolute(path: str) -> str:
    """A link that works from an e-mail: the site's address (`BARNRATT_SITE_URL`) before it."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL.rstrip("/") + path


def tell(users, *, subject, body, params: dict, link: str, key: str, organisation, by=None):
    """After the transaction commits, queue one e-mail to each of `users` who wants to hear at
    once. `subject` and `body` are lazy texts with `%(name)s` places, written in the site's
    language; `key` names the hand-over, so telling about the same one twice mails once."""
    ids = sorted({user.pk for user in users if user is not None and user != by})
    if not ids:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        arguments = {
            "users": ids,
            "subject": str(subject) % params,
            "body": str(body) % params,
            "link": absolute(link),
        }
    transaction.on_commit(
        lambda: jobs.start(KIND, key=key, organisation=organisation, by=by, arguments=arguments)
    )
    return len(ids)


_reminders: list = []


def reminder(func):
    """Register `func(day) -> int` (how many people it told) for the daily reminder run. It
    keys each tell by the thing and the day, so a second run that day mails no one twice."""
    _reminders.append(func)
    return func


def send_reminders(day=None) -> int:
    """Tell everyone what falls due today (`manage.py send_reminders`, run daily)."""
    day = day or timezone.localdate()
    return sum(func(day) for func in _reminders)


def send(job) -> dict:
    """The job: one e-mail to each person who still wants e-mail at once and has an address."""
    args = job.arguments
    people = get_user_model().objects.filter(
        pk__in=args["users"], is_active=True, notify_by_email=IMMEDIATELY
    )
    addresses = sorted(set(people.exclude(email="").values_list("email", flat=True)))
    sent = 0
    for address in addresses:  # one message each: no one sees the others' addresses
        sent += send_mail(args["subject"], f"{args['body']}\n\n{args['link']}\n", None, [address])
    return {"sent": sent}


def start_digests(day=None) -> list:
    """Queue one digest job per person who chose the daily digest (`manage.py send_digests`,
    run once a day by a timer); a day's digest is keyed by the day, so a second run that day
    mails no one twice."""
    day = day or timezone.localdate()
    people = (
        get_user_model()
        .objects.filter(is_active=True, notify_by_email=DAILY, memberships__isnull=False)
        .exclude(email="")
        .values_list("pk", "memberships__organisation_id")
        .order_by("pk", "memberships__organisation_id")
    )
    started, seen = [], set()
    for user_id, organisation_id in people:
        if user_id in seen:
            continue
        seen.add(user_id)
        started.append(
            jobs.start(
                DIGEST_KIND,
                key=f"digest:{user_id}:{day.isoformat()}",
                organisation=_organisation(organisation_id),
                by=None,
                arguments={"user": user_id},
            )
        )
    return started


def _organisation(pk):
    # A job belongs to an organisation (TenantModel): the person's first one.
    return Job._meta.get_field("organisation").related_model(pk=pk)


def digest(job) -> dict:
    """The job: what waits on the person's start page, as one e-mail; nothing when nothing
    waits."""
    user = get_user_model().objects.filter(pk=job.arguments["user"], is_active=True).first()
    if user is None or not user.email or user.notify_by_email != DAILY:
        return {"sent": 0}
    with translation.override(settings.LANGUAGE_CODE):
        items = waiting_items(user)
        if not items:
            return {"sent": 0}
        subject = ngettext(
            "Barnrätt: %(count)d thing waits for you",
            "Barnrätt: %(count)d things wait for you",
            len(items),
        ) % {"count": len(items)}
        lines = [f"- {item.label}\n  {absolute(item.url)}" for item in items]
        footer = _("Choose how Barnrätt tells you under My account: %(link)s") % {
            "link": absolute(reverse("accounts:account"))
        }
        body = "\n".join([*lines, "", footer])
    return {"sent": send_mail(subject, body + "\n", None, [user.email])}
