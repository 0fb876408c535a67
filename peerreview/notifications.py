"""Who hears about a peer review's steps (core/notify.py): the reviewing side (named reviewers
and the reviewing organisations' coordinators) when it is planned, and when it is answered;
the reviewed organisation's coordinators when it is reported; the reviewing side again a week
before the report is due and on the day (the daily reminder run)."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.notify import reminder, tell
from organisations.access import people_allowed

from .models import PeerReview, Status

REMIND_DAYS_BEFORE = 7


def _reviewing_side(review) -> list:
    people = list(review.reviewers.all())
    for organisation in review.reviewing_organisations.all():
        people.extend(people_allowed("review", "peerreview", organisation.pk))
    return people


def _tell(review, people, *, subject, body, key, by=None, **params):
    return tell(
        people,
        subject=subject,
        body=body,
        params={"title": review.title, "organisation": str(review.organisation), **params},
        link=reverse("peerreview:review_detail", args=[review.pk]),
        key=key,
        organisation=review.organisation,
        by=by,
    )


def planned(review, *, by):
    _tell(
        review,
        _reviewing_side(review),
        subject=_("A peer review to carry out: %(title)s"),
        body=_(
            "You are to review %(organisation)s in the peer review %(title)s. The plan, the "
            "interviews and the findings are on the review's page."
        ),
        key=f"peer-review-planned:{review.pk}",
        by=by,
    )


def reported(review, *, by):
    _tell(
        review,
        people_allowed("answer", "peerreview", review.organisation_id),
        subject=_("Answer the recommendations of %(title)s"),
        body=_(
            "The peer review %(title)s has been reported. Answer each recommendation: what "
            "%(organisation)s will do about it."
        ),
        key=f"peer-review-reported:{review.pk}",
        by=by,
    )


def answered(review, *, by):
    _tell(
        review,
        _reviewing_side(review),
        subject=_("The recommendations have been answered: %(title)s"),
        body=_("%(organisation)s has answered every recommendation of the peer review %(title)s."),
        key=f"peer-review-answered:{review.pk}",
        by=by,
    )


@reminder
def reports_due(day) -> int:
    """A week before the report is due, and on the day, for reviews not yet reported."""
    soon = day + datetime.timedelta(days=REMIND_DAYS_BEFORE)
    due = PeerReview.objects.filter(
        status__in=(Status.PLANNED, Status.IN_PROGRESS), report_due__in=(day, soon)
    ).select_related("organisation")
    told = 0
    for review in due.order_by("pk"):
        told += _tell(
            review,
            _reviewing_side(review),
            subject=_("Report due %(date)s: %(title)s"),
            body=_("The report of the peer review %(title)s of %(organisation)s is due %(date)s."),
            key=f"peer-review-due:{review.pk}:{day.isoformat()}",
            date=review.report_due.isoformat(),
        )
    return told
