"""The public-health demo follows the seed documents: the northern Örebro county team's
agreement with its five parties, a team plan that builds on the region's plan, the joint
committee's programme and its follow-up, and invented figures that say so."""

from django.core.management import call_command

from agreements.models import Agreement, Regulation
from planning.models import ActionPlan, FollowUp, Goal, Policy


def test_public_health_demo_loads_once_and_tells_the_sources_story(db):
    call_command("load_demo")
    call_command("load_demo")
    agreement = Agreement.objects.get()
    assert agreement.organisation.scb_code == "1884"
    assert agreement.carried_out_by.name == "Folkhälsoteamet norra Örebro län"
    parties = {row.party.scb_code: row for row in agreement.parties.select_related("party")}
    assert set(parties) == {"1884", "1863", "1864", "1885", "18"}
    # The sources give no shares: every share in the demo says it is invented.
    assert all("Påhittad" in row.funding_note for row in parties.values())
    assert "Delfinansiär" in parties["18"].funding_note
    assert sum(row.funding_share for row in parties.values()) == 100
    assert "påhittade" in agreement.notes

    regulation = Regulation.objects.get()
    assert regulation.body.name == "Folkhälsonämnden"
    assert "övergripande ansvar" in regulation.responsibilities

    regional = ActionPlan.objects.get(kind=ActionPlan.Kind.REGIONAL_PUBLIC_HEALTH)
    assert regional.organisation.scb_code == "18"
    team_plan = ActionPlan.objects.get(kind=ActionPlan.Kind.TEAM)
    assert team_plan.builds_on == regional
    assert team_plan.body.name == "Folkhälsoteamet norra Örebro län"
    assert Goal.objects.filter(plan=team_plan, target_areas__number=4).exists()

    programme = ActionPlan.objects.get(kind=ActionPlan.Kind.PUBLIC_HEALTH_PROGRAMME)
    assert programme.body.name == "Folkhälsonämnden"
    follow_ups = FollowUp.objects.filter(plan=programme)
    assert follow_ups.count() == 2
    for follow_up in follow_ups:
        assert follow_up.effects_for_population and follow_up.effects_for_children
        assert "påhittat för demon" in follow_up.effects_for_population
    assert "påhittade" in programme.description

    policy = Policy.objects.get(title="Folkhälsopolitisk policy")
    assert policy.target_areas.count() == 8


def test_the_team_coordinator_sees_the_agreement_and_both_plans(client, db):
    from django.contrib.auth import get_user_model

    call_command("load_demo")
    client.force_login(get_user_model().objects.get(username="nora"))
    agreement = Agreement.objects.get()
    assert client.get(agreement.get_absolute_url()).status_code == 200
    team_plan = ActionPlan.objects.get(kind=ActionPlan.Kind.TEAM)
    html = client.get(team_plan.get_absolute_url()).content.decode()
    assert team_plan.builds_on.get_absolute_url() in html
    # Karlskoga's case officer is no party: 404.
    client.force_login(get_user_model().objects.get(username="handlaggare"))
    assert client.get(agreement.get_absolute_url()).status_code == 404
