"""Karlskoga's youth forum is Karlskoga's: an outsider from Degerfors gets 404 as for something
that does not exist, and only those who run the forum see its members."""

import pytest
from django.urls import reverse


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client


@pytest.mark.parametrize(
    "name, fixture",
    [
        ("youthforum:forum_detail", "forum"),
        ("youthforum:member_list", "forum"),
        ("youthforum:meeting_create", "forum"),
        ("youthforum:meeting_detail", "forum_meeting"),
        ("youthforum:meeting_edit", "forum_meeting"),
        ("youthforum:matter_edit", "forum_matter"),
        ("youthforum:member_end", "forum_member"),
        ("youthforum:proposal_detail", "forum_proposal"),
        ("youthforum:proposal_answer", "forum_proposal"),
    ],
)
def test_outsider_gets_404_for_karlskogas_forum_objects(
    outsider_client, request, forum_member, forum_proposal, name, fixture
):
    obj = request.getfixturevalue(fixture)
    assert outsider_client.get(reverse(name, args=[obj.pk])).status_code == 404


def test_outsider_cannot_end_a_membership_by_post(outsider_client, forum_member):
    response = outsider_client.post(
        reverse("youthforum:member_end", args=[forum_member.pk]), {"left_on": "2026-05-01"}
    )
    assert response.status_code == 404
    forum_member.refresh_from_db()
    assert forum_member.left_on is None


def test_outsiders_lists_hold_nothing_of_karlskoga(outsider_client, forum_proposal):
    forums = outsider_client.get(reverse("youthforum:forum_list"))
    waiting = outsider_client.get(reverse("youthforum:proposals_waiting"))
    assert list(forums.context["forums"]) == []
    assert waiting.context["rows"] == []
    assert forum_proposal.title not in waiting.content.decode()


def test_reader_sees_the_forum_but_not_the_members(reader_client, forum, forum_member):
    page = reader_client.get(reverse("youthforum:forum_detail", args=[forum.pk]))
    content = page.content.decode()
    assert page.status_code == 200
    assert "Ungdomsforum" in content
    assert reverse("youthforum:member_list", args=[forum.pk]) not in content
    assert "nova@example.org" not in content
    members = reader_client.get(reverse("youthforum:member_list", args=[forum.pk]))
    assert members.status_code == 403


def test_dialogue_leader_sees_contact_details_of_current_members(
    client, dialogue_leader, forum, forum_member
):
    client.force_login(dialogue_leader)
    content = client.get(reverse("youthforum:member_list", args=[forum.pk])).content.decode()
    assert "Nova" in content
    assert "nova@example.org" in content


def test_a_joint_committee_sees_proposals_sent_to_it_but_answers_only_at_home(
    client, degerfors, joint_committee, outsider, coordinator
):
    from youthforum import services

    degerfors_forum = services.create_forum(degerfors, by=None, name="Unga i Degerfors")
    proposal = services.send_proposal(
        degerfors_forum, by=None, committee=joint_committee, title="Cykelställ", text="Fler"
    )
    # Karlskoga hosts the joint committee: its coordinator sees and answers the proposal.
    client.force_login(coordinator)
    assert client.get(reverse("youthforum:proposal_detail", args=[proposal.pk])).status_code == 200
    assert client.get(reverse("youthforum:proposal_answer", args=[proposal.pk])).status_code == 200
    assert (
        client.get(reverse("youthforum:forum_detail", args=[degerfors_forum.pk])).status_code == 404
    )
    # Degerfors's coordinator runs the forum but does not answer for Karlskoga's committee.
    client.force_login(outsider)
    assert client.get(reverse("youthforum:proposal_answer", args=[proposal.pk])).status_code == 403
