"""Texts the screening flagged wait for a dialogue leader or coordinator, who shows the masked
text or hides it; nobody else may, and other organisations' answers do not exist for them."""

import pytest
from django.urls import reverse

from core.models import AuditEntry
from participation.models import Answer

from .conftest import answer


@pytest.fixture
def flagged(park):
    answer(park, 1, text="Min mejl är nova@example.org")
    answer(park, 2, text="Bra park")
    return Answer.objects.get(moderation=Answer.Moderation.PENDING)


def test_moderation_lists_waiting_texts_with_the_reasons_in_words(coordinator_client, flagged):
    url = reverse("participation:moderation", args=[flagged.question.consultation_id])
    content = coordinator_client.get(url).content.decode()
    assert "nova@example.org" in content
    assert flagged.masked_text in content
    assert "e-postadress" in content
    assert "Bra park" not in content


def test_approving_shows_the_masked_text_and_is_logged(coordinator_client, flagged):
    url = reverse("participation:moderate", args=[flagged.pk])
    response = coordinator_client.post(url, {"decision": "approve"})
    assert response.status_code == 302
    flagged.refresh_from_db()
    assert flagged.moderation == Answer.Moderation.APPROVED
    entry = AuditEntry.objects.filter(object_id=str(flagged.pk)).latest("id")
    assert entry.changes == {"moderation": ["pending", "approved"]}


def test_hiding_keeps_the_text_from_others(coordinator_client, flagged):
    coordinator_client.post(
        reverse("participation:moderate", args=[flagged.pk]), {"decision": "hide"}
    )
    flagged.refresh_from_db()
    assert flagged.moderation == Answer.Moderation.HIDDEN


def test_a_dialogue_leader_may_moderate(client, dialogue_leader, flagged):
    client.force_login(dialogue_leader)
    client.post(reverse("participation:moderate", args=[flagged.pk]), {"decision": "approve"})
    flagged.refresh_from_db()
    assert flagged.moderation == Answer.Moderation.APPROVED


@pytest.mark.parametrize("persona", ["case_officer", "reader"])
def test_others_in_the_organisation_may_not_moderate(client, request, persona, flagged):
    client.force_login(request.getfixturevalue(persona))
    page = reverse("participation:moderation", args=[flagged.question.consultation_id])
    assert client.get(page).status_code == 403
    response = client.post(
        reverse("participation:moderate", args=[flagged.pk]), {"decision": "approve"}
    )
    assert response.status_code == 403
    flagged.refresh_from_db()
    assert flagged.moderation == Answer.Moderation.PENDING


def test_outsider_gets_404_for_another_organisations_answer(outsider_client, flagged):
    page = reverse("participation:moderation", args=[flagged.question.consultation_id])
    assert outsider_client.get(page).status_code == 404
    response = outsider_client.post(
        reverse("participation:moderate", args=[flagged.pk]), {"decision": "approve"}
    )
    assert response.status_code == 404
    flagged.refresh_from_db()
    assert flagged.moderation == Answer.Moderation.PENDING


def test_moderate_answers_only_post(coordinator_client, flagged):
    response = coordinator_client.get(reverse("participation:moderate", args=[flagged.pk]))
    assert response.status_code == 405


def test_unknown_answer_is_404(coordinator_client, db):
    url = reverse("participation:moderate", args=[999999])
    assert coordinator_client.post(url, {"decision": "hide"}).status_code == 404


def test_consultation_page_links_moderation_with_the_number_waiting(coordinator_client, flagged):
    consultation = flagged.question.consultation
    content = coordinator_client.get(consultation.get_absolute_url()).content.decode()
    assert reverse("participation:moderation", args=[consultation.pk]) in content
    assert reverse("participation:results", args=[consultation.pk]) in content
    assert "Granskning (1 text väntar)" in content


def test_case_officer_sees_no_moderation_link(case_officer_client, flagged):
    consultation = flagged.question.consultation
    content = case_officer_client.get(consultation.get_absolute_url()).content.decode()
    assert reverse("participation:moderation", args=[consultation.pk]) not in content
    assert reverse("participation:results", args=[consultation.pk]) in content
