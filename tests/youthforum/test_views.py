"""The youth-forum pages: meetings, members, proposals and answers, the start page, and lists
whose query count does not grow with the data."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEntry
from youthforum import services
from youthforum.models import ForumMeeting, ForumMember, ForumProposal


@pytest.fixture
def leader_client(client, dialogue_leader):
    client.force_login(dialogue_leader)
    return client


def test_dialogue_leader_records_a_meeting(leader_client, forum, dialogue_leader):
    response = leader_client.post(
        reverse("youthforum:meeting_create", args=[forum.pk]),
        {
            "held_on": "2026-03-04",
            "place": "Biblioteket",
            "agenda": "1. Skateparken\n2. Sommarlov",
            "minutes": "Vi vill ha belysning.<img src=x onerror=alert(1)>",
            "attendance": "11",
        },
    )
    meeting = ForumMeeting.objects.get(forum=forum)
    assert response.status_code == 302
    assert response["Location"] == meeting.get_absolute_url()
    assert meeting.attendance == 11
    assert "onerror" not in meeting.minutes
    entry = AuditEntry.objects.for_object(meeting).get()
    assert entry.actor == dialogue_leader
    page = leader_client.get(meeting.get_absolute_url()).content.decode()
    assert "Vi vill ha belysning." in page


def test_a_case_officer_may_not_record_a_meeting(case_officer_client, forum):
    url = reverse("youthforum:meeting_create", args=[forum.pk])
    response = case_officer_client.post(url, {"held_on": "2026-03-04"})
    assert response.status_code == 403
    assert not ForumMeeting.objects.exists()


def test_coordinator_records_the_committees_answer(coordinator_client, forum_proposal):
    url = reverse("youthforum:proposal_answer", args=[forum_proposal.pk])
    response = coordinator_client.post(
        url, {"outcome": "accepted", "answer": "Belysning i höst.", "answered_on": "2026-03-01"}
    )
    assert response.status_code == 302
    forum_proposal.refresh_from_db()
    assert forum_proposal.status == ForumProposal.Status.ACCEPTED
    assert forum_proposal.answered_on == datetime.date(2026, 3, 1)
    page = coordinator_client.get(forum_proposal.get_absolute_url()).content.decode()
    assert "Belysning i höst." in page
    assert url not in page  # answered: nothing more to record


def test_dialogue_leader_may_not_record_the_answer(leader_client, forum_proposal):
    url = reverse("youthforum:proposal_answer", args=[forum_proposal.pk])
    response = leader_client.post(url, {"outcome": "accepted", "answer": "Ja"})
    assert response.status_code == 403
    forum_proposal.refresh_from_db()
    assert forum_proposal.status == ForumProposal.Status.SENT


def test_answer_without_words_keeps_the_proposal_waiting(coordinator_client, forum_proposal):
    url = reverse("youthforum:proposal_answer", args=[forum_proposal.pk])
    response = coordinator_client.post(url, {"outcome": "accepted", "answered_on": "2026-03-01"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    forum_proposal.refresh_from_db()
    assert forum_proposal.status == ForumProposal.Status.SENT


def test_dialogue_leader_sends_a_proposal(leader_client, forum, forum_matter, social_committee):
    response = leader_client.post(
        reverse("youthforum:proposal_create", args=[forum.pk]),
        {
            "committee": social_committee.pk,
            "matter": forum_matter.pk,
            "title": "Bänkar",
            "text": "Fler bänkar vid skateparken.",
            "sent_on": "2026-03-05",
        },
    )
    proposal = ForumProposal.objects.get(title="Bänkar")
    assert response.status_code == 302
    assert (proposal.committee, proposal.matter, proposal.status) == (
        social_committee,
        forum_matter,
        "sent",
    )


def test_withdrawing_a_proposal(leader_client, forum_proposal):
    leader_client.post(reverse("youthforum:proposal_withdraw", args=[forum_proposal.pk]))
    forum_proposal.refresh_from_db()
    assert forum_proposal.status == ForumProposal.Status.WITHDRAWN


def test_a_member_without_consent_is_stored_without_contact_details(leader_client, forum):
    url = reverse("youthforum:member_add", args=[forum.pk])
    data = {"pseudonym": "Fjäril", "age_band": "13-17", "joined_on": "2026-01-10"}
    refused = leader_client.post(url, data | {"email": "fjaril@example.org"})
    assert refused.status_code == 200
    assert "samtycke" in refused.content.decode()
    assert not ForumMember.objects.exists()
    leader_client.post(url, data)
    member = ForumMember.objects.get()
    assert (member.pseudonym, member.email, member.contact_consent) == ("Fjäril", "", False)


def test_ending_a_membership_from_the_page_erases_contacts(leader_client, forum_member):
    url = reverse("youthforum:member_end", args=[forum_member.pk])
    response = leader_client.post(url, {"left_on": "2026-05-01"})
    assert response.status_code == 302
    forum_member.refresh_from_db()
    assert forum_member.left_on == datetime.date(2026, 5, 1)
    assert not forum_member.has_contact_details
    page = leader_client.get(reverse("youthforum:member_list", args=[forum_member.forum_id]))
    assert "nova@example.org" not in page.content.decode()
    assert page.context["former"] == [forum_member]


def test_unticking_consent_on_the_page_erases_contacts(leader_client, forum_member):
    url = reverse("youthforum:member_edit", args=[forum_member.pk])
    data = {"pseudonym": "Nova", "age_band": "18-25", "joined_on": "2026-01-15"}
    response = leader_client.post(url, data | {"email": "nova@example.org"})
    assert response.status_code == 302
    forum_member.refresh_from_db()
    assert (forum_member.age_band, forum_member.email, forum_member.phone) == ("18-25", "", "")
    assert not forum_member.contact_consent


def test_closing_a_matter_from_the_forum_page(leader_client, forum_matter):
    leader_client.post(reverse("youthforum:matter_status", args=[forum_matter.pk]))
    forum_matter.refresh_from_db()
    assert forum_matter.status == "closed"


def test_start_page_shows_proposals_waiting_for_the_committees_answer(
    coordinator_client, forum_proposal
):
    content = coordinator_client.get(reverse("home:start")).content.decode()
    assert "1 förslag från ungdomsforum väntar på svar" in content
    assert reverse("youthforum:proposals_waiting") in content


def test_start_page_shows_meetings_without_minutes_to_the_dialogue_leader(
    leader_client, forum_meeting, dialogue_leader
):
    content = leader_client.get(reverse("home:start")).content.decode()
    assert reverse("youthforum:meeting_edit", args=[forum_meeting.pk]) in content
    services.update_meeting(forum_meeting, by=dialogue_leader, minutes="Klart.")
    content = leader_client.get(reverse("home:start")).content.decode()
    assert reverse("youthforum:meeting_edit", args=[forum_meeting.pk]) not in content


def test_a_reader_has_nothing_waiting_from_the_forum(client, reader, forum_proposal, forum_meeting):
    client.force_login(reader)
    assert client.get(reverse("home:start")).context["waiting"] == []


def test_waiting_proposals_are_listed_per_committee(coordinator_client, forum_proposal):
    response = coordinator_client.get(reverse("youthforum:proposals_waiting"))
    content = response.content.decode()
    assert '<h2 id="committee-1">Socialnämnden</h2>' in content
    assert reverse("youthforum:proposal_answer", args=[forum_proposal.pk]) in content


def grow(forum, committee, size):
    start = ForumMeeting.objects.count()
    for i in range(start, start + size):
        meeting = services.create_meeting(forum, by=None, held_on=datetime.date(2026, 1, 1))
        matter = services.raise_matter(forum, by=None, title=f"Fråga {i}", raised_at=meeting)
        services.send_proposal(
            forum, by=None, committee=committee, matter=matter, title=f"Förslag {i}", text="…"
        )
        services.add_member(forum, by=None, pseudonym=f"Medlem {i}", age_band="13-17")
        services.create_forum(forum.organisation, by=None, name=f"Forum {i}")


@pytest.mark.parametrize(
    "name, with_pk",
    [
        ("youthforum:forum_list", False),
        ("youthforum:forum_detail", True),
        ("youthforum:member_list", True),
        ("youthforum:proposals_waiting", False),
        ("home:start", False),
    ],
)
def test_list_pages_run_a_fixed_number_of_queries(
    coordinator_client, forum, social_committee, django_assert_max_num_queries, name, with_pk
):
    url = reverse(name, args=[forum.pk] if with_pk else [])
    grow(forum, social_committee, 1)
    coordinator_client.get(url)  # the session's first request writes its last-seen mark
    with django_assert_max_num_queries(12) as few:
        coordinator_client.get(url)
    grow(forum, social_committee, 8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = coordinator_client.get(url)
    assert response.status_code == 200


def test_new_member_and_proposal_forms_start_with_today(leader_client, forum):
    today = timezone.localdate().isoformat()
    for name in ("youthforum:member_add", "youthforum:proposal_create"):
        content = leader_client.get(reverse(name, args=[forum.pk])).content.decode()
        assert f'value="{today}"' in content, name


def test_history_of_a_proposal_for_coordinators_but_never_of_a_member(
    client, coordinator, case_officer, forum_proposal, forum_member
):
    url = reverse("home:history", args=["youthforum.forumproposal", forum_proposal.pk])
    member_url = reverse("home:history", args=["youthforum.forummember", forum_member.pk])
    client.force_login(coordinator)
    assert "Belysning vid skateparken" in client.get(url).content.decode()
    assert client.get(member_url).status_code == 404
    client.force_login(case_officer)
    assert client.get(url).status_code == 403
