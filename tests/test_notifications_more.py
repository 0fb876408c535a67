"""Issue 22, the hand-overs after the assessment's: a decided case tells the dialogue leaders
that the children wait for feedback, a follow-up date tells the officer on the day, a
youth-forum proposal tells the committee and its answer the forum, and an approved yearly
report tells those who publish it. Each e-mail is observed in Django's test outbox."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from assessments import services as case_services
from participation.models import Consultation, Feedback
from reports import services as report_services
from youthforum import services as forum_services

SITE = "http://localhost:8000"


def addresses(*users, daily=()):
    """Give each an address at the municipality; those in `daily` chose the digest."""
    for user in (*users, *daily):
        user.email = f"{user.username}@karlskoga.se"
        user.notify_by_email = "daily" if user in daily else "immediately"
        user.save()


def told(mailoutbox) -> dict:
    return {m.to[0].split("@")[0]: m for m in mailoutbox}


@pytest.fixture
def ready_case(submitted_assessment, decision_maker):
    case_services.approve_assessment(submitted_assessment, by=decision_maker)
    return submitted_assessment.case


def consultation_for(case, leader, title, status=Consultation.Status.CLOSED):
    consultation = Consultation.objects.create(
        organisation=case.organisation,
        title=title,
        status=status,
        age_bands=["13-17"],
        channels=["online"],
        created_by=leader,
    )
    consultation.cases.add(case)
    return consultation


def decide(case, by, follow_up_date=None):
    return case_services.record_decision(
        case,
        by=by,
        outcome="Bifall",
        decided_on=datetime.date(2026, 11, 1),
        follows_best_interests=True,
        follow_up_date=follow_up_date,
    )


def test_a_decision_tells_those_who_write_the_feedback_that_the_children_wait(
    ready_case,
    decision_maker,
    dialogue_leader,
    coordinator,
    case_officer,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    addresses(dialogue_leader, decision_maker, case_officer, daily=[coordinator])
    asked = consultation_for(ready_case, dialogue_leader, "Vad tycker du om parken?")
    consultation_for(ready_case, dialogue_leader, "Utkast", status=Consultation.Status.DRAFT)
    answered = consultation_for(ready_case, dialogue_leader, "Redan besvarad")
    Feedback.objects.create(
        consultation=answered,
        organisation=answered.organisation,
        published_at=datetime.datetime(2026, 11, 2, tzinfo=datetime.UTC),
    )
    with django_capture_on_commit_callbacks(execute=True):
        decide(ready_case, decision_maker)
    # Not the decision-maker (who decided), not the officer (who writes no feedback), not the
    # coordinator (who chose the digest); nothing about a draft or an answered consultation.
    assert list(told(mailoutbox)) == ["dialogue_leader"]
    message = mailoutbox[0]
    assert message.subject == "Berätta för barnen vad som hände: Vad tycker du om parken?"
    assert f"{ready_case} är beslutat" in message.body
    assert SITE + reverse("participation:feedback_edit", args=[asked.pk]) in message.body


def test_a_decision_without_a_consultation_mails_no_one(
    ready_case, decision_maker, dialogue_leader, mailoutbox, django_capture_on_commit_callbacks
):
    addresses(dialogue_leader)
    with django_capture_on_commit_callbacks(execute=True):
        decide(ready_case, decision_maker)
    assert mailoutbox == []


def test_the_reminder_run_tells_the_officer_and_followers_on_the_follow_up_day_once(
    ready_case,
    decision_maker,
    case_officer,
    coordinator,
    dialogue_leader,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    addresses(case_officer, decision_maker, dialogue_leader, daily=[coordinator])
    decide(ready_case, decision_maker, follow_up_date=datetime.date(2026, 11, 20))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", "--day", "2026-11-19", stdout=None)
    assert mailoutbox == []  # not before the day
    for _run in range(2):  # a second run that day mails no one twice
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_reminders", "--day", "2026-11-20", stdout=None)
    # The officer and the decision-maker (who may follow up); not the dialogue leader (who
    # may not), not the coordinator (the digest).
    assert sorted(told(mailoutbox)) == ["case_officer", "decision_maker"]
    message = told(mailoutbox)["case_officer"]
    assert message.subject == f"Följ upp beslutet: {ready_case}"
    assert SITE + reverse("assessments:follow_up", args=[ready_case.pk]) in message.body


def test_a_followed_up_decision_is_not_reminded(
    ready_case, decision_maker, case_officer, mailoutbox, django_capture_on_commit_callbacks
):
    addresses(case_officer)
    decision = decide(ready_case, decision_maker, follow_up_date=datetime.date(2026, 11, 20))
    case_services.record_follow_up(decision, by=case_officer, notes="Klart.")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", "--day", "2026-11-20", stdout=None)
    assert mailoutbox == []


def test_a_proposal_tells_the_committee_and_its_answer_tells_the_forum(
    forum,
    forum_matter,
    social_committee,
    dialogue_leader,
    decision_maker,
    coordinator,
    case_officer,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    addresses(dialogue_leader, decision_maker, case_officer, daily=[coordinator])
    with django_capture_on_commit_callbacks(execute=True):
        proposal = forum_services.send_proposal(
            forum,
            by=dialogue_leader,
            committee=social_committee,
            matter=forum_matter,
            title="Belysning vid skateparken",
            text="Sätt upp belysning.",
        )
    # Those who may answer it: the decision-maker (the coordinator chose the digest); not the
    # sender, not the officer.
    assert list(told(mailoutbox)) == ["decision_maker"]
    message = told(mailoutbox)["decision_maker"]
    assert message.subject == "Förslag från ungdomsforum att besvara: Belysning vid skateparken"
    link = SITE + reverse("youthforum:proposal_detail", args=[proposal.pk])
    assert link in message.body
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        forum_services.record_answer(
            proposal, by=decision_maker, outcome="accepted", answer="Belysning sätts upp i vår."
        )
    # The forum's dialogue leader hears the answer; not the one who answered.
    assert list(told(mailoutbox)) == ["dialogue_leader"]
    message = told(mailoutbox)["dialogue_leader"]
    assert message.subject == "Nämnden har svarat: Belysning vid skateparken"
    assert "Belysning sätts upp i vår." in message.body
    assert link in message.body


def test_an_approved_report_tells_those_who_publish_it(
    karlskoga, coordinator, decision_maker, mailoutbox, django_capture_on_commit_callbacks
):
    addresses(coordinator, decision_maker)
    report = report_services.create_report(karlskoga, by=coordinator, year=2026)
    with django_capture_on_commit_callbacks(execute=True):
        report_services.send_for_approval(report, by=coordinator)
    assert list(told(mailoutbox)) == ["decision_maker"]
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        report_services.approve_report(report, by=decision_maker)
    assert list(told(mailoutbox)) == ["coordinator"]
    message = mailoutbox[0]
    assert message.subject == f"Godkänt och klart att publicera: {report.title}"
    assert SITE + reverse("reports:report_detail", args=[report.pk]) in message.body


def test_the_reminder_run_tells_those_who_revise_a_policy_when_its_revision_nears_and_is_due(
    karlskoga, coordinator, org_admin, case_officer, mailoutbox, django_capture_on_commit_callbacks
):
    from planning import services as planning_services

    addresses(coordinator, org_admin, case_officer)
    policy = planning_services.create_policy(
        karlskoga,
        by=coordinator,
        title="Barn- och ungdomspolitiskt program",
        kind="programme",
        next_revision=datetime.date(2027, 3, 1),
    )
    runs = {"2026-12-30": 0, "2026-12-31": 2, "2027-01-01": 2, "2027-03-01": 4}
    for day, expected in runs.items():
        for _run in range(2):
            with django_capture_on_commit_callbacks(execute=True):
                call_command("send_reminders", "--day", day, stdout=None)
        assert len(mailoutbox) == expected, day
    # Those who may change it (the coordinator and the organisation admin), not the officer.
    assert {m.to[0].split("@")[0] for m in mailoutbox} == {"coordinator", "org_admin"}
    assert mailoutbox[0].subject == (
        "Revidera Barn- och ungdomspolitiskt program (nästa revidering 2027-03-01)"
    )
    assert SITE + reverse("planning:policy_detail", args=[policy.pk]) in mailoutbox[0].body
