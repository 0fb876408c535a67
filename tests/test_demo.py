"""The demo data follows the seed documents and loads twice without duplicates."""

from django.contrib.auth import get_user_model
from django.core.management import call_command

from core.models import AuditEntry
from networks.models import Network
from organisations.models import Body, Membership, Organisation


def counts():
    return (
        Organisation.objects.count(),
        Body.objects.count(),
        Network.objects.count(),
        Membership.objects.count(),
        get_user_model().objects.count(),
        AuditEntry.objects.count(),
    )


def test_demo_loads_twice_without_duplicates(db):
    call_command("load_demo")
    first = counts()
    call_command("load_demo")
    assert counts() == first


def test_demo_has_the_joint_public_health_committee(db):
    call_command("load_demo")
    committee = Body.objects.get(name="Folkhälsonämnden")
    assert committee.organisation.scb_code == "1883"
    assert [o.scb_code for o in committee.served_organisations.all()] == ["1862"]


def test_demo_has_the_public_health_team_of_northern_orebro(db):
    call_command("load_demo")
    team = Body.objects.get(name="Folkhälsoteamet norra Örebro län")
    codes = {
        team.organisation.scb_code,
        *team.served_organisations.values_list("scb_code", flat=True),
    }
    assert codes == {"1884", "1863", "1864", "1885", "18"}


def test_demo_partnership_has_ten_municipalities(db):
    call_command("load_demo")
    partnership = Network.objects.get(kind=Network.Kind.PARTNERSHIP)
    assert partnership.member_organisations.count() == 10


def test_cross_sectoral_network_holds_every_committee_of_both_municipalities(db):
    call_command("load_demo")
    network = Network.objects.get(kind=Network.Kind.CROSS_SECTORAL)
    karlskoga_degerfors = Body.objects.filter(
        organisation__scb_code__in=["1883", "1862"], kind__in=["committee", "board"]
    )
    assert set(karlskoga_degerfors) <= set(network.member_bodies.all())
    # Seed 000: "Folkhälsonämnden bjuder ... regelbundet in samtliga nämnder och styrelser".
    assert network.convened_by.name == "Folkhälsonämnden"


def test_cross_sectoral_network_meets_regularly_and_prepares_a_case(db):
    call_command("load_demo")
    network = Network.objects.get(kind=Network.Kind.CROSS_SECTORAL)
    series = network.series.get()
    assert series.meetings.count() == 4
    prepared = series.meetings.filter(cases__isnull=False).get()
    assert prepared.cases.get().case_number == "KS 2026/101"
    # The frequency is invented (seed 000 says "regelbundet"), and the meeting says so.
    assert "påhittade" in prepared.notes
    # Seed 002: Rädda Barnen i Örebro, a partner without an account and without contact details.
    partner = Network.objects.get(kind=Network.Kind.PARTNERSHIP).partners.get()
    assert (partner.name, partner.email) == ("Rädda Barnen i Örebro", "")


def test_every_role_has_a_demo_user_who_can_log_in(client, db):
    call_command("load_demo")
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == {
        "coordinator",
        "case_officer",
        "decision_maker",
        "dialogue_leader",
        "reader",
        "org_admin",
    }
    response = client.post("/accounts/login/", {"username": "samordnare", "password": "demo"})
    assert response.status_code == 302


def test_the_teams_coordinator_creates_for_the_team_and_degerfors_reads_the_committees_policies(
    client, db
):
    from django.urls import reverse

    from planning.models import Policy

    call_command("load_demo")
    nora = Organisation.objects.get(scb_code="1884")
    client.force_login(get_user_model().objects.get(username="nora"))
    for list_name, create_name in [
        ("planning:plan_list", "planning:plan_create"),
        ("planning:policy_list", "planning:policy_create"),
        ("reports:report_list", "reports:report_create"),
        ("participation:consultation_list", "participation:consultation_create"),
    ]:
        create_url = reverse(create_name, args=[nora.pk])
        assert create_url in client.get(reverse(list_name)).content.decode(), list_name
        assert client.get(create_url).status_code == 200, create_name
    degerfors = get_user_model().objects.get(username="degerfors")
    policies = Policy.objects.visible_to(degerfors)
    assert policies.count() == 3
    assert {(p.adopted_by.name, p.adopted_by.kind) for p in policies} == {
        ("Kommunfullmäktige", Body.Kind.COUNCIL)
    }
    assert {p.responsible_body.name for p in policies} == {"Folkhälsonämnden"}
    client.force_login(degerfors)
    assert (
        "Folkhälsopolitisk policy" in client.get(reverse("planning:policy_list")).content.decode()
    )
