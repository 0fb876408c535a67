"""A role held on a joint body acts for that body on every "New …" page, and the body's records
are seen in every organisation it serves (issue 21)."""

import datetime

import pytest
from django.urls import reverse

from organisations import services
from organisations.roles import Role
from participation import services as participation
from participation.models import Consultation
from planning import services as planning
from planning.models import Policy
from reports.models import Report
from tests.world import make_member, make_user

# (list page, create page, object type) for every kind of record a body can own.
PAGES = [
    ("planning:plan_list", "planning:plan_create"),
    ("planning:policy_list", "planning:policy_create"),
    ("reports:report_list", "reports:report_create"),
    ("participation:consultation_list", "participation:consultation_create"),
    ("assessments:case_list", "assessments:case_create"),
    ("youthforum:forum_list", "youthforum:forum_create"),
    ("planning:selfassessment_list", "planning:selfassessment_create"),
    ("planning:childfriendly_list", "planning:childfriendly_create"),
    ("agreements:agreement_list", "agreements:agreement_create"),
    ("agreements:agreement_list", "agreements:regulation_create"),
]


@pytest.fixture
def team_coordinator(karlskoga, joint_committee):
    """Coordinator on the joint committee only: no role in Karlskoga itself."""
    user = make_user("team_coordinator")
    services.add_member(karlskoga, by=None, user=user, role=Role.COORDINATOR, body=joint_committee)
    return user


@pytest.fixture
def team_client(client, team_coordinator):
    client.force_login(team_coordinator)
    return client


@pytest.mark.parametrize(("list_name", "create_name"), PAGES)
def test_a_body_coordinator_sees_the_new_link_and_opens_the_page(
    team_client, karlskoga, list_name, create_name
):
    create_url = reverse(create_name, args=[karlskoga.pk])
    listing = team_client.get(reverse(list_name))
    assert create_url in listing.content.decode()
    assert team_client.get(create_url).status_code == 200


@pytest.mark.parametrize(("list_name", "create_name"), PAGES)
def test_a_body_role_creates_nothing_in_an_organisation_without_the_body(
    team_client, degerfors, list_name, create_name
):
    # Degerfors is served by the committee but does not host it: the record would have no body.
    assert team_client.get(reverse(create_name, args=[degerfors.pk])).status_code == 403


def test_the_body_coordinators_policy_names_the_body(team_client, karlskoga, joint_committee):
    url = reverse("planning:policy_create", args=[karlskoga.pk])
    data = {"kind": "policy", "title": "Folkhälsopolicy", "responsible_body": joint_committee.pk}
    response = team_client.post(url, data)
    assert response.status_code == 302
    assert Policy.objects.get(title="Folkhälsopolicy").responsible_body == joint_committee


def test_the_body_coordinator_cannot_give_the_policy_to_another_body(
    team_client, karlskoga, social_committee
):
    url = reverse("planning:policy_create", args=[karlskoga.pk])
    data = {"kind": "policy", "title": "Fel nämnd", "responsible_body": social_committee.pk}
    assert team_client.post(url, data).status_code == 200
    assert not Policy.objects.filter(title="Fel nämnd").exists()


def test_the_body_coordinators_report_and_consultation_name_the_body(
    team_client, karlskoga, joint_committee
):
    team_client.post(
        reverse("reports:report_create", args=[karlskoga.pk]),
        {"year": 2026, "body": joint_committee.pk, "title": ""},
    )
    assert Report.objects.get(year=2026).body == joint_committee
    team_client.post(
        reverse("participation:consultation_create", args=[karlskoga.pk]),
        {
            "title": "Fråga barnen",
            "introduction": "Vad tycker du?",
            "body": joint_committee.pk,
            "age_bands": ["13-17"],
            "channels": ["online"],
        },
    )
    assert Consultation.objects.get(title="Fråga barnen").body == joint_committee


def test_the_body_coordinator_edits_the_bodys_policy(team_client, karlskoga, joint_committee):
    policy = planning.create_policy(
        karlskoga, by=None, kind="policy", title="Policy", responsible_body=joint_committee
    )
    response = team_client.get(reverse("planning:policy_edit", args=[policy.pk]))
    assert response.status_code == 200


def test_a_served_organisation_reads_the_joint_committees_policies(
    client, karlskoga, degerfors, joint_committee, social_committee
):
    planning.create_policy(
        karlskoga, by=None, kind="policy", title="Nämndens policy", responsible_body=joint_committee
    )
    planning.create_policy(
        karlskoga,
        by=None,
        kind="policy",
        title="Karlskogas egen",
        responsible_body=social_committee,
    )
    reader = make_member(degerfors, "degerfors_reader", Role.CASE_OFFICER)
    client.force_login(reader)
    page = client.get(reverse("planning:policy_list")).content.decode()
    assert "Nämndens policy" in page
    assert "Karlskogas egen" not in page
    assert {p.title for p in Policy.objects.visible_to(reader)} == {"Nämndens policy"}


def test_a_served_organisation_sees_the_joint_committees_consultation(
    karlskoga, degerfors, joint_committee
):
    participation.create_consultation(
        karlskoga,
        by=None,
        title="Gemensam",
        introduction="Vad tycker du?",
        body=joint_committee,
        age_bands=["13-17"],
        channels=["online"],
        opens_on=datetime.date(2026, 1, 1),
    )
    reader = make_member(degerfors, "degerfors_reader", Role.READER)
    assert [c.title for c in Consultation.objects.visible_to(reader)] == ["Gemensam"]
