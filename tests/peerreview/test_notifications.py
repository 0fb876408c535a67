"""Issue 22: each step of a peer review tells the side that it now waits on (core/notify.py):
planned → the reviewing side, reported → the reviewed organisation's coordinators, answered →
the reviewing side; and the daily reminder run tells the reviewing side a week before the
report is due and on the day, once a day."""

from django.core.management import call_command
from django.urls import reverse

from organisations.roles import Role
from peerreview import services
from peerreview.models import Recommendation
from tests.world import make_member

SITE = "http://localhost:8000"


def addresses(*users):
    for user in users:
        user.email = f"{user.username}@test.se"
        user.save()


def told(mailoutbox) -> dict:
    return {m.to[0].split("@")[0]: m for m in mailoutbox}


def test_planning_tells_the_reviewing_side_but_not_the_planner(
    partnership,
    karlskoga,
    degerfors,
    coordinator,
    reviewer,
    member,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    named = make_member(degerfors, "named", Role.CASE_OFFICER)
    bystander = make_member(degerfors, "bystander", Role.READER)
    addresses(coordinator, reviewer, member, named, bystander)
    with django_capture_on_commit_callbacks(execute=True):
        review = services.plan_review(
            partnership,
            by=coordinator,
            organisation=karlskoga,
            reviewing_organisations=[degerfors],
            reviewers=[named],
            title="Granskning av Karlskoga",
            year=2026,
            focus_factors=["training"],
        )
    # Degerfors' coordinator and the named reviewer; not the reader, not Haninge, not the planner.
    assert sorted(told(mailoutbox)) == ["named", "reviewer"]
    message = told(mailoutbox)["reviewer"]
    assert message.subject == "Kollegial granskning att genomföra: Granskning av Karlskoga"
    assert SITE + reverse("peerreview:review_detail", args=[review.pk]) in message.body


def test_the_report_asks_the_reviewed_side_to_answer_and_the_answer_tells_the_reviewers(
    review, karlskoga, reviewer, coordinator, member, mailoutbox, django_capture_on_commit_callbacks
):
    quiet = make_member(karlskoga, "quiet", Role.COORDINATOR)
    quiet.notify_by_email = "never"
    addresses(reviewer, coordinator, member, quiet)
    services.start_review(review, by=reviewer)
    finding = services.save_finding(review, "training", by=reviewer, text="Bra.", level=3)
    services.save_finding(review, "long_term_plan", by=reviewer, text="Ok.", level=2)
    services.add_recommendation(finding, by=reviewer, text="Utbilda nya chefer.")
    with django_capture_on_commit_callbacks(execute=True):
        services.report_review(review, by=reviewer)
    # Karlskoga's coordinator; not the one who chose no e-mail, not Haninge's.
    assert list(told(mailoutbox)) == ["coordinator"]
    message = mailoutbox[0]
    assert message.subject == "Svara på rekommendationerna i Granskning av Karlskoga"
    assert SITE + reverse("peerreview:review_detail", args=[review.pk]) in message.body
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_recommendation(
            Recommendation.objects.get(review=review),
            by=coordinator,
            answer="accepted",
            answer_text="Vi gör det.",
        )
    assert list(told(mailoutbox)) == ["reviewer"]
    assert mailoutbox[0].subject == "Rekommendationerna är besvarade: Granskning av Karlskoga"


def test_the_reminder_run_tells_the_reviewers_a_week_before_and_on_the_day_once(
    review, reviewer, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    addresses(reviewer, coordinator)
    for day, expected in (
        ("2026-04-22", 0),
        ("2026-04-23", 1),
        ("2026-04-23", 1),
        ("2026-04-30", 2),
    ):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_reminders", "--day", day, stdout=None)
        assert len(mailoutbox) == expected, day
    assert {m.to[0] for m in mailoutbox} == {"reviewer@test.se"}
    assert mailoutbox[0].subject == "Rapporten ska vara klar 2026-04-30: Granskning av Karlskoga"
