"""Issue 22: everyone hears what waits for them — an e-mail at each hand-over, or a daily
digest, as each person chooses — and has a private calendar feed."""

import datetime
import email
import email.policy
import socketserver
import threading

import icalendar
import pytest
from django.core.management import call_command
from django.urls import reverse

from assessments import services as case_services
from core.models import AuditEntry
from organisations.roles import Role
from participation.models import Consultation

from .world import FULL_ANSWERS, make_member


@pytest.fixture
def people(case_officer, decision_maker, coordinator):
    for user, address in (
        (case_officer, "handlaggare@karlskoga.se"),
        (decision_maker, "beslut@karlskoga.se"),
        (coordinator, "strateg@karlskoga.se"),
    ):
        user.email = address
        user.save()
    return case_officer, decision_maker, coordinator


def _submit(assessment, officer, capture):
    saved = case_services.save_answers(
        assessment, by=officer, answers=FULL_ANSWERS, expected_version=assessment.lock_version
    )
    with capture(execute=True):
        return case_services.submit_for_review(saved, by=officer)


def test_submitting_mails_each_reviewer_but_not_the_officer(
    assessment, people, mailoutbox, django_capture_on_commit_callbacks
):
    officer, _decision_maker, _coordinator = people
    _submit(assessment, officer, django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mailoutbox) == ["beslut@karlskoga.se", "strateg@karlskoga.se"]
    message = mailoutbox[0]
    assert message.subject == f"Att granska: {assessment.case}"
    review = reverse("assessments:review", args=[assessment.case.pk])
    assert f"http://localhost:8000{review}" in message.body


def test_sending_back_mails_the_officer_with_the_reason_in_plain_words(
    assessment, people, mailoutbox, django_capture_on_commit_callbacks
):
    officer, decision_maker, _coordinator = people
    submitted = _submit(assessment, officer, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        case_services.return_assessment(
            submitted, by=decision_maker, comments="Barnens åsikter saknas."
        )
    assert [m.to for m in mailoutbox] == [["handlaggare@karlskoga.se"]]
    assert mailoutbox[0].subject.startswith("Skickad tillbaka:")
    assert "Barnens åsikter saknas." in mailoutbox[0].body


def test_approval_tells_the_officer_and_the_decision_makers_it_waits_for_a_decision(
    assessment, people, mailoutbox, django_capture_on_commit_callbacks
):
    officer, decision_maker, _coordinator = people
    other_decider = make_member(
        officer.memberships.get().organisation, "beslut2", Role.DECISION_MAKER
    )
    other_decider.email = "beslut2@karlskoga.se"
    other_decider.save()
    submitted = _submit(assessment, officer, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        case_services.approve_assessment(submitted, by=decision_maker)
    subjects = {m.to[0]: m.subject for m in mailoutbox}
    assert subjects == {
        "handlaggare@karlskoga.se": f"Godkänd: {assessment.case}",
        # The approver is not told about their own act.
        "beslut2@karlskoga.se": f"Att besluta: {assessment.case}",
    }


def test_a_person_who_chose_the_digest_or_nothing_gets_no_mail_at_the_hand_over(
    assessment, people, mailoutbox, django_capture_on_commit_callbacks
):
    officer, decision_maker, coordinator = people
    decision_maker.notify_by_email = "daily"
    decision_maker.save()
    coordinator.notify_by_email = "never"
    coordinator.save()
    _submit(assessment, officer, django_capture_on_commit_callbacks)
    assert mailoutbox == []


def test_the_daily_digest_is_the_start_page_in_one_mail_once_a_day(
    assessment, people, mailoutbox, django_capture_on_commit_callbacks
):
    officer, _decision_maker, _coordinator = people
    for user in people:
        user.notify_by_email = "daily"
        user.save()
    _submit(assessment, officer, django_capture_on_commit_callbacks)
    assert mailoutbox == []
    call_command("send_digests", stdout=None)
    # Each has their start page's list: the reviewers the assessment, the officer the case.
    assert sorted(m.to[0] for m in mailoutbox) == [
        "beslut@karlskoga.se",
        "handlaggare@karlskoga.se",
        "strateg@karlskoga.se",
    ]
    digest = next(m for m in mailoutbox if m.to == ["beslut@karlskoga.se"])
    assert digest.subject == "Barnrätt: 1 sak väntar på dig"
    assert f"Granska bedömningen: {assessment.case}" in digest.body
    assert reverse("accounts:account") in digest.body
    call_command("send_digests", stdout=None)
    assert len(mailoutbox) == 3  # the day's digests are keyed by the day


def test_the_choice_is_made_on_my_account(client, case_officer):
    client.force_login(case_officer)
    page = client.get(reverse("accounts:account")).content.decode()
    assert 'name="notify_by_email"' in page
    response = client.post(reverse("accounts:account"), {"notify_by_email": "daily"})
    assert response.status_code == 302
    case_officer.refresh_from_db()
    assert case_officer.notify_by_email == "daily"
    assert AuditEntry.objects.filter(object_id=str(case_officer.pk)).exists()


class _Smtp(socketserver.StreamRequestHandler):
    """Just enough SMTP (RFC 5321) to receive one message."""

    def handle(self):
        self.wfile.write(b"220 localhost test\r\n")
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self.wfile.write(b"250 localhost\r\n")
            elif verb == b"DATA":
                self.wfile.write(b"354 go on\r\n")
                body = b""
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    body += chunk
                self.server.received.append(body.decode("utf-8", "replace"))
                self.wfile.write(b"250 stored\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


@pytest.fixture
def smtp_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Smtp)
    server.daemon_threads = True
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_a_hand_over_reaches_a_real_smtp_server(
    settings, smtp_server, assessment, people, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = smtp_server.server_address
    settings.EMAIL_USE_TLS = False
    officer, _decision_maker, _coordinator = people
    _submit(assessment, officer, django_capture_on_commit_callbacks)
    assert len(smtp_server.received) == 2
    for message in smtp_server.received:
        assert f"Subject: Att granska: {assessment.case}" in message
        assert reverse("assessments:review", args=[assessment.case.pk]) in message


def test_the_feedback_due_after_a_decision_reaches_a_real_smtp_server(
    settings,
    smtp_server,
    assessment,
    people,
    dialogue_leader,
    django_capture_on_commit_callbacks,
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = smtp_server.server_address
    settings.EMAIL_USE_TLS = False
    officer, decision_maker, coordinator = people
    coordinator.notify_by_email = "never"
    coordinator.save()
    dialogue_leader.email = "dialog@karlskoga.se"
    dialogue_leader.save()
    submitted = _submit(assessment, officer, django_capture_on_commit_callbacks)
    case_services.approve_assessment(submitted, by=decision_maker)
    consultation = Consultation.objects.create(
        organisation=assessment.case.organisation,
        title="Vad tycker du om parken?",
        status=Consultation.Status.CLOSED,
        age_bands=["6-12"],
        channels=["web"],
    )
    consultation.cases.add(assessment.case)
    smtp_server.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        case_services.record_decision(
            assessment.case,
            by=decision_maker,
            outcome="Bifall",
            decided_on=datetime.date(2026, 11, 1),
            follows_best_interests=True,
        )
    [received] = smtp_server.received
    message = email.message_from_string(received, policy=email.policy.default)
    assert message["To"] == "dialog@karlskoga.se"
    assert (
        message["Subject"].strip() == "Berätta för barnen vad som hände: Vad tycker du om parken?"
    )
    link = reverse("participation:feedback_edit", args=[consultation.pk])
    assert link in message.get_content()


def test_the_calendar_feed_holds_the_persons_dates_and_parses_back(
    client, decided_case, case_officer, karlskoga, dialogue_leader
):
    Consultation.objects.create(
        organisation=karlskoga,
        title="Vad tycker du om parken?",
        status=Consultation.Status.OPEN,
        closes_on=datetime.date(2026, 12, 18),
        age_bands=["6-12"],
        channels=["web"],
    )
    client.force_login(case_officer)
    assert "calendar-url" not in client.get(reverse("accounts:account")).content.decode()
    client.post(reverse("accounts:calendar_address"))
    case_officer.refresh_from_db()
    token = case_officer.calendar_token
    assert len(token) >= 40
    entry = AuditEntry.objects.get(note="calendar address renewed")
    assert token not in str(entry.changes)
    page = client.get(reverse("accounts:account")).content.decode()
    feed_url = reverse("home:calendar_feed", args=[token])
    assert feed_url in page
    client.logout()
    response = client.get(feed_url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    follow_up = events[f"Följ upp beslutet: {decided_case.case_number} {decided_case.title}"]
    assert follow_up.decoded("dtstart") == datetime.date(2026, 11, 20)
    assert follow_up.decoded("dtend") == datetime.date(2026, 11, 21)
    assert str(follow_up["uid"]).startswith(f"decision-follow-up-{decided_case.pk}@")
    assert "Sista dagen att svara: Vad tycker du om parken?" in events
    # A new address ends the old one.
    client.force_login(case_officer)
    client.post(reverse("accounts:calendar_address"))
    client.logout()
    assert client.get(feed_url).status_code == 404


def test_an_unknown_calendar_address_is_404(client, db):
    assert client.get(reverse("home:calendar_feed", args=["nope"])).status_code == 404


def test_a_case_sent_back_comes_first_in_the_officers_list_but_is_not_called_late(
    client, assessment, people, django_capture_on_commit_callbacks
):
    officer, decision_maker, _coordinator = people
    submitted = _submit(assessment, officer, django_capture_on_commit_callbacks)
    case_services.return_assessment(submitted, by=decision_maker, comments="Saknar åsikter.")
    client.force_login(officer)
    html = client.get(reverse("home:start")).content.decode()
    assert f"Skickad tillbaka: {assessment.case}" in html
    assert "Återremitterat" not in html
    assert "försenad" not in html
