"""One plan model with a kind: a public-health programme, a region's public-health plan and a
team's plan that builds on it; target-area tags beside articles; effects for the population."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from convention.models import Article
from core.models import AuditEntry
from networks import services as network_services
from networks.models import Network
from organisations import services as org_services
from organisations.models import Organisation
from organisations.roles import Role
from planning import services
from planning.models import ActionPlan, Activity, FollowUp, Goal, Policy
from publichealth.models import TargetArea
from tests.conftest import make_user


@pytest.fixture
def regional_plan(db):
    """Region Örebro län's public-health plan, shared with the county's municipalities through
    a regional network (the plan is the region's; members read it)."""
    region = Organisation.objects.create(name="Region Örebro län", kind="region", scb_code="18")
    nora = Organisation.objects.create(name="Nora kommun", kind="municipality", scb_code="1884")
    network = network_services.create_network(
        region,
        by=None,
        name="Folkhälsa i Örebro län",
        kind=Network.Kind.REGIONAL,
        member_organisations=[region, nora],
    )
    return services.create_plan(
        region,
        by=None,
        kind=ActionPlan.Kind.REGIONAL_PUBLIC_HEALTH,
        network=network,
        title="Regional folkhälsoplan",
        start_year=2024,
        end_year=2027,
    )


@pytest.fixture
def nora_coordinator_client(client, regional_plan):
    user = make_user("nora_coordinator")
    nora = Organisation.objects.get(name="Nora kommun")
    org_services.add_member(nora, by=None, user=user, role=Role.COORDINATOR)
    client.force_login(user)
    return client


def test_a_team_plan_builds_on_the_regional_plan_through_the_form(
    nora_coordinator_client, regional_plan
):
    nora = Organisation.objects.get(name="Nora kommun")
    url = reverse("planning:plan_create", args=[nora.pk])
    form = nora_coordinator_client.get(url).content.decode()
    assert "Regional folkhälsoplan" in form  # offered: a plan this coordinator sees
    response = nora_coordinator_client.post(
        url,
        {
            "kind": "team",
            "title": "Folkhälsoteamets plan",
            "builds_on": regional_plan.pk,
            "start_year": 2025,
            "end_year": 2026,
            "status": "draft",
        },
    )
    plan = ActionPlan.objects.get(title="Folkhälsoteamets plan")
    assert response["Location"] == plan.get_absolute_url()
    assert plan.kind == ActionPlan.Kind.TEAM
    assert plan.builds_on == regional_plan
    html = nora_coordinator_client.get(plan.get_absolute_url()).content.decode()
    assert "Utgår från" in html
    assert regional_plan.get_absolute_url() in html
    assert "Teamets plan" in html
    regional = nora_coordinator_client.get(regional_plan.get_absolute_url()).content.decode()
    assert "Planer som utgår från den här" in regional
    assert plan.get_absolute_url() in regional


def test_a_plan_cannot_build_on_a_plan_its_maker_does_not_see(
    coordinator_client, karlskoga, regional_plan
):
    response = coordinator_client.post(
        reverse("planning:plan_create", args=[karlskoga.pk]),
        {
            "kind": "team",
            "title": "Smygplan",
            "builds_on": regional_plan.pk,
            "start_year": 2025,
            "end_year": 2026,
            "status": "draft",
        },
    )
    assert response.status_code == 200
    assert not ActionPlan.objects.filter(title="Smygplan").exists()


def test_a_plan_cannot_build_on_itself_in_a_circle(karlskoga, coordinator):
    first = services.create_plan(
        karlskoga, by=coordinator, title="A", start_year=2026, end_year=2027
    )
    second = services.create_plan(
        karlskoga, by=coordinator, title="B", start_year=2026, end_year=2027, builds_on=first
    )
    with pytest.raises(ValidationError):
        services.update_plan(first, by=coordinator, builds_on=second)
    with pytest.raises(ValidationError):
        services.update_plan(first, by=coordinator, builds_on=first)


def test_the_plan_without_a_kind_stays_a_child_rights_plan(coordinator_client, karlskoga):
    coordinator_client.post(
        reverse("planning:plan_create", args=[karlskoga.pk]),
        {"title": "Plan", "start_year": 2026, "end_year": 2028, "status": "draft"},
    )
    assert ActionPlan.objects.get().kind == ActionPlan.Kind.CHILD_RIGHTS


def test_the_list_shows_each_plans_kind(coordinator_client, karlskoga, coordinator):
    services.create_plan(
        karlskoga,
        by=coordinator,
        kind=ActionPlan.Kind.PUBLIC_HEALTH_PROGRAMME,
        title="Folkhälsopolitiskt program",
        start_year=2026,
        end_year=2029,
    )
    html = coordinator_client.get(reverse("planning:plan_list")).content.decode()
    assert "Folkhälsoprogram" in html


def test_goals_and_activities_take_target_areas_beside_articles(coordinator_client, goal, activity):
    areas = TargetArea.objects.filter(number__in=[6, 7])
    coordinator_client.post(
        reverse("planning:goal_edit", args=[goal.pk]),
        {"title": goal.title, "position": 0, "target_areas": [a.pk for a in areas]},
    )
    assert set(goal.target_areas.all()) == set(areas)
    entry = AuditEntry.objects.for_object(goal).filter(action="update").latest("created_at")
    assert entry.changes["target_areas"][1] == sorted(area.pk for area in areas)
    overview = coordinator_client.get(goal.plan.get_absolute_url()).content.decode()
    assert "Folkhälsopolitiska målområden: 6, 7" in overview

    data = {
        "title": activity.title,
        "starts_on": "2026-01-01",
        "ends_on": "2026-12-31",
        "status": "ongoing",
        "target_areas": [TargetArea.objects.get(number=1).pk],
        "articles": [Article.objects.get(number=24).pk],
    }
    coordinator_client.post(reverse("planning:activity_edit", args=[activity.pk]), data)
    page = coordinator_client.get(activity.get_absolute_url()).content.decode()
    assert "1. Det tidiga livet" in page
    assert reverse("publichealth:target_area", args=[1]) in page
    assert reverse("convention:article", args=[24]) in page


def test_a_policy_takes_target_areas(coordinator_client, policy):
    area = TargetArea.objects.get(number=5)
    services.update_policy(policy, by=None, target_areas=[area])
    assert list(Policy.objects.get(pk=policy.pk).target_areas.all()) == [area]
    html = coordinator_client.get(policy.get_absolute_url()).content.decode()
    assert "Målområde 5: Boende och närmiljö" in html


def test_follow_up_describes_effects_for_the_population_and_for_children(
    coordinator_client, activity
):
    coordinator_client.post(
        reverse("planning:followup_create", args=[activity.pk]),
        {
            "period": "2026",
            "status": "ongoing",
            "result": "Tio träffar",
            "effects_for_population": "Fler äldre rör sig dagligen",
            "effects_for_children": "Fler barn cyklar till skolan",
            "goal_reached": "partly",
        },
    )
    follow_up = FollowUp.objects.get()
    assert follow_up.effects_for_population == "Fler äldre rör sig dagligen"
    html = coordinator_client.get(activity.get_absolute_url()).content.decode()
    assert "Effekter för befolkningen" in html
    assert "Fler äldre rör sig dagligen" in html
    assert "Fler barn cyklar till skolan" in html


def test_a_goal_created_by_the_service_keeps_its_tags(area, coordinator):
    area_six = TargetArea.objects.get(number=6)
    goal = services.add_goal(
        area, by=coordinator, title="Goda levnadsvanor", target_areas=[area_six]
    )
    assert list(Goal.objects.get(pk=goal.pk).target_areas.all()) == [area_six]
    activity = services.add_activity(
        goal,
        by=coordinator,
        title="Simskola",
        starts_on=datetime.date(2026, 5, 1),
        ends_on=datetime.date(2026, 6, 1),
        target_areas=[area_six],
    )
    assert list(Activity.objects.get(pk=activity.pk).target_areas.all()) == [area_six]


def test_a_teams_coordinator_writes_the_teams_plan(client, karlskoga, degerfors):
    team = org_services.create_body(
        karlskoga, by=None, name="Folkhälsoteamet", kind="team", served_organisations=[degerfors]
    )
    user = make_user("team_coordinator")
    org_services.add_member(karlskoga, by=None, user=user, role=Role.COORDINATOR, body=team)
    client.force_login(user)
    url = reverse("planning:plan_create", args=[karlskoga.pk])
    assert url in client.get(reverse("planning:plan_list")).content.decode()
    data = {"kind": "team", "title": "Teamets plan", "start_year": 2026, "end_year": 2027}
    assert client.post(url, data | {"status": "draft"}).status_code == 200  # no body: refused
    client.post(url, data | {"status": "draft", "body": team.pk})
    plan = ActionPlan.objects.get()
    assert (plan.body, plan.kind) == (team, ActionPlan.Kind.TEAM)
    assert client.get(reverse("planning:area_create", args=[plan.pk])).status_code == 200
