"""A training arranged by a joint body (issue 21): the public-health team's coordinator, with a
role on the team only, records the team's training; Hällefors, which the team serves, sees it."""

from django.urls import reverse

from organisations.models import Body, Organisation
from tests import world
from training.models import TrainingSession


def test_the_team_coordinator_records_the_teams_training(client, db):
    personas = world.make_team_personas()
    nora = Organisation.objects.get(scb_code="1884")
    team = Body.objects.get(name="Folkhälsoteamet")
    client.force_login(personas["team_coordinator"])
    url = reverse("training:session_create", args=[nora.pk])
    page = client.get(url).content.decode()
    assert "Folkhälsoteamet" in page
    response = client.post(
        url,
        {
            "held_by": team.pk,
            "held_on": "2026-03-12",
            "topic": "Barnrätt för nämnder",
            "format": "in_person",
            "target_group": "elected",
            f"body_{team.pk}": "12",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    session = TrainingSession.objects.get()
    assert (session.organisation, session.held_by, session.participants) == (nora, team, 12)

    client.force_login(personas["served_case_officer"])  # Hällefors, served by the team
    assert client.get(session.get_absolute_url()).status_code == 200
    assert client.get(reverse("training:session_edit", args=[session.pk])).status_code == 403


def test_the_team_coordinator_cannot_record_a_training_for_the_host_itself(client, db):
    personas = world.make_team_personas()
    nora = Organisation.objects.get(scb_code="1884")
    client.force_login(personas["team_coordinator"])
    response = client.post(
        reverse("training:session_create", args=[nora.pk]),
        {"held_on": "2026-03-12", "topic": "X", "format": "in_person", "target_group": "staff"},
    )
    assert response.status_code == 200
    assert not TrainingSession.objects.exists()
