"""Youth-forum services: transitions, audit entries, and contact details that are kept only with
consent and only while the membership lasts."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError

from core.models import AuditEntry
from youthforum import services
from youthforum.models import ForumMatter, ForumMember, ForumProposal


def entries_for(obj):
    return list(AuditEntry.objects.for_object(obj).order_by("id"))


def all_logged_text():
    return " ".join(f"{e.changes} {e.note} {e.object_repr}" for e in AuditEntry.objects.all())


def test_adding_a_member_is_logged_without_the_contact_details(forum_member):
    (entry,) = entries_for(forum_member)
    assert entry.action == AuditEntry.Action.CREATE
    assert entry.changes["pseudonym"] == [None, "Nova"]
    assert "nova@example.org" not in all_logged_text()
    assert "070-123 45 67" not in all_logged_text()


def test_contact_details_without_consent_are_refused(forum, dialogue_leader):
    with pytest.raises(ValidationError):
        services.add_member(
            forum, by=dialogue_leader, pseudonym="Fjäril", age_band="13-17", email="f@example.org"
        )
    assert not ForumMember.objects.exists()


def test_the_database_refuses_contact_details_without_consent(forum_member):
    with pytest.raises(IntegrityError):
        ForumMember.objects.filter(pk=forum_member.pk).update(contact_consent=False)


def test_ending_a_membership_erases_contact_details_at_once(forum_member, dialogue_leader):
    services.end_membership(forum_member, by=dialogue_leader, left_on=datetime.date(2026, 6, 1))
    forum_member.refresh_from_db()
    assert forum_member.left_on == datetime.date(2026, 6, 1)
    assert (forum_member.email, forum_member.phone, forum_member.contact_consent) == ("", "", False)
    entry = entries_for(forum_member)[-1]
    assert entry.action == AuditEntry.Action.TRANSITION
    assert entry.changes["left_on"] == [None, "2026-06-01"]
    assert entry.changes["contact_consent"] == [True, False]
    assert "e-post" in entry.note and "telefon" in entry.note
    assert "nova@example.org" not in all_logged_text()


def test_a_membership_ends_only_once(forum_member, dialogue_leader):
    services.end_membership(forum_member, by=dialogue_leader)
    with pytest.raises(services.TransitionError):
        services.end_membership(forum_member, by=dialogue_leader)


def test_withdrawing_consent_erases_contact_details_of_a_current_member(
    forum_member, dialogue_leader
):
    services.update_member(
        forum_member, by=dialogue_leader, contact_consent=False, email="ny@example.org"
    )
    forum_member.refresh_from_db()
    assert (forum_member.email, forum_member.phone, forum_member.left_on) == ("", "", None)
    entry = entries_for(forum_member)[-1]
    assert entry.changes == {"contact_consent": [True, False]}
    assert "e-post" in entry.note and "telefon" in entry.note


def test_an_ended_membership_cannot_be_changed(forum_member, dialogue_leader):
    services.end_membership(forum_member, by=dialogue_leader)
    with pytest.raises(services.TransitionError):
        services.update_member(forum_member, by=dialogue_leader, age_band="18-25")


def test_the_command_erases_contacts_left_behind_on_ended_memberships(
    forum, forum_member, dialogue_leader
):
    current = services.add_member(
        forum,
        by=dialogue_leader,
        pseudonym="Fjäril",
        age_band="13-17",
        contact_consent=True,
        phone="070-1",
    )
    # A change made outside the service ended the membership but left the contact details.
    ForumMember.objects.filter(pk=forum_member.pk).update(left_on=datetime.date(2026, 3, 1))
    call_command("erase_forum_contacts")
    forum_member.refresh_from_db()
    current.refresh_from_db()
    assert (forum_member.email, forum_member.phone, forum_member.contact_consent) == ("", "", False)
    assert (current.phone, current.contact_consent) == ("070-1", True)
    entry = entries_for(forum_member)[-1]
    assert entry.action == AuditEntry.Action.UPDATE
    assert entry.actor is None
    assert entry.changes == {"contact_consent": [True, False]}
    assert "e-post" in entry.note and "telefon" in entry.note


def test_the_command_writes_nothing_when_nothing_is_left(forum_member, dialogue_leader):
    services.end_membership(forum_member, by=dialogue_leader)
    before = AuditEntry.objects.count()
    call_command("erase_forum_contacts")
    assert AuditEntry.objects.count() == before


def test_agenda_and_minutes_are_cleaned(forum, dialogue_leader, forum_meeting):
    meeting = services.update_meeting(
        forum_meeting,
        by=dialogue_leader,
        minutes='<p onclick="x()">Beslut</p><script>alert(1)</script>',
        attendance=9,
    )
    assert meeting.minutes == "<p>Beslut</p>"
    assert entries_for(meeting)[-1].changes["attendance"] == [None, 9]


def test_a_matter_closes_and_opens_again(forum_matter, dialogue_leader):
    services.close_matter(forum_matter, by=dialogue_leader)
    with pytest.raises(services.TransitionError):
        services.close_matter(forum_matter, by=dialogue_leader)
    services.reopen_matter(forum_matter, by=dialogue_leader)
    forum_matter.refresh_from_db()
    assert forum_matter.status == ForumMatter.Status.OPEN
    actions = [e.action for e in entries_for(forum_matter)]
    assert actions == ["create", "transition", "transition"]


def test_recording_the_answer_moves_the_proposal_on(forum_proposal, decision_maker):
    services.record_answer(
        forum_proposal,
        by=decision_maker,
        outcome="partly_accepted",
        answer="Belysning i höst.",
        answered_on=datetime.date(2026, 3, 1),
    )
    forum_proposal.refresh_from_db()
    assert forum_proposal.status == ForumProposal.Status.PARTLY_ACCEPTED
    entry = entries_for(forum_proposal)[-1]
    assert entry.action == AuditEntry.Action.TRANSITION
    assert entry.actor == decision_maker
    assert entry.changes["status"] == ["sent", "partly_accepted"]


def test_a_proposal_is_answered_only_once(forum_proposal, decision_maker):
    services.record_answer(forum_proposal, by=decision_maker, outcome="rejected", answer="Nej.")
    with pytest.raises(services.TransitionError):
        services.record_answer(forum_proposal, by=decision_maker, outcome="accepted", answer="Ja.")


def test_a_withdrawn_proposal_cannot_be_answered(forum_proposal, dialogue_leader, decision_maker):
    services.withdraw_proposal(forum_proposal, by=dialogue_leader)
    with pytest.raises(services.TransitionError):
        services.record_answer(forum_proposal, by=decision_maker, outcome="accepted", answer="Ja.")
    forum_proposal.refresh_from_db()
    assert forum_proposal.status == ForumProposal.Status.WITHDRAWN


def test_an_answer_needs_an_outcome_and_words(forum_proposal, decision_maker):
    with pytest.raises(ValidationError):
        services.record_answer(forum_proposal, by=decision_maker, outcome="sent", answer="Ja.")
    with pytest.raises(ValidationError):
        services.record_answer(forum_proposal, by=decision_maker, outcome="accepted", answer=" ")


def test_proposals_go_only_to_the_forums_own_or_joint_committees(
    forum, dialogue_leader, degerfors_committee, joint_committee, degerfors
):
    with pytest.raises(ValidationError):
        services.send_proposal(
            forum, by=dialogue_leader, committee=degerfors_committee, title="X", text="Y"
        )
    degerfors_forum = services.create_forum(degerfors, by=None, name="Unga i Degerfors")
    proposal = services.send_proposal(
        degerfors_forum, by=None, committee=joint_committee, title="Fler cykelställ", text="Ja"
    )
    assert proposal.status == ForumProposal.Status.SENT


def test_an_inactive_forum_takes_no_new_members(forum, dialogue_leader):
    services.update_forum(forum, by=dialogue_leader, active=False)
    with pytest.raises(services.TransitionError):
        services.add_member(forum, by=dialogue_leader, pseudonym="Storm", age_band="18-25")


def test_the_demo_forum_loads_once(db):
    call_command("load_demo")
    call_command("load_demo")
    members = ForumMember.objects.filter(forum__name="Ungdomsforum Karlskoga")
    # Twelve members, as many as the minutes say were present (issue 21).
    assert members.count() == 12
    assert {"Fjäril", "Kometen", "Nova", "Storm"} <= set(
        members.values_list("pseudonym", flat=True)
    )
    assert ForumProposal.objects.get().status == ForumProposal.Status.PARTLY_ACCEPTED


def test_a_membership_in_another_forum_may_reuse_a_pseudonym(forum_member, karlskoga):
    other = services.create_forum(karlskoga, by=None, name="Elevrådet")
    again = services.add_member(other, by=None, pseudonym="Nova", age_band="6-12")
    assert again.pk != forum_member.pk
