"""Agreements and regulations: every party sees them, others get 404, the recording
organisation's managers change them through services that write the audit log."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from agreements import services
from agreements.models import Agreement, AgreementParty, Regulation
from core.models import AuditEntry
from organisations import services as org_services
from organisations.models import Body, Organisation
from organisations.roles import Role
from tests.conftest import make_user


@pytest.fixture
def region(db):
    return Organisation.objects.create(name="Region Örebro län", kind="region", scb_code="18")


@pytest.fixture
def stranger(db):
    return Organisation.objects.create(name="Nora kommun", kind="municipality", scb_code="1884")


@pytest.fixture
def agreement(karlskoga, region, social_committee, coordinator):
    return services.create_agreement(
        karlskoga,
        by=coordinator,
        title="Samverkansavtal om folkhälsa",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2029, 12, 31),
        adopted_by=social_committee,
        decision_reference="KS § 12/2025",
        carried_out_by=social_committee,
        parties=[
            services.Party(karlskoga, Decimal(70)),
            services.Party(region, Decimal(30), "Delfinansiär"),
        ],
    )


def _client_for(client, organisation, role=Role.COORDINATOR, name="person"):
    user = make_user(name)
    org_services.add_member(organisation, by=None, user=user, role=role)
    client.force_login(user)
    return client


def test_create_writes_the_agreement_its_parties_and_the_audit_log(agreement, region):
    assert list(agreement.parties.values_list("party__name", "funding_share")) == [
        ("Karlskoga kommun", Decimal("70.00")),
        ("Region Örebro län", Decimal("30.00")),
    ]
    assert AuditEntry.objects.for_object(agreement).filter(action="create").exists()
    for row in agreement.parties.all():
        assert AuditEntry.objects.for_object(row).filter(action="create").exists()


def test_every_party_sees_the_agreement_others_get_404(client, agreement, region, stranger):
    _client_for(client, region, Role.READER, "region_reader")
    response = client.get(agreement.get_absolute_url())
    assert response.status_code == 200
    assert "KS § 12/2025" in response.content.decode()
    assert (
        "Samverkansavtal om folkhälsa"
        in client.get(reverse("agreements:agreement_list")).content.decode()
    )
    # A party reads it but does not change it: the record is the recording organisation's.
    assert client.get(reverse("agreements:agreement_edit", args=[agreement.pk])).status_code == 403
    client.logout()
    _client_for(client, stranger, name="nora_coordinator")
    assert client.get(agreement.get_absolute_url()).status_code == 404
    listed = client.get(reverse("agreements:agreement_list")).content.decode()
    assert "Samverkansavtal om folkhälsa" not in listed


def test_visible_to_scopes_agreements_and_parties(agreement, outsider, region):
    assert not Agreement.objects.visible_to(outsider).exists()
    assert not AgreementParty.objects.visible_to(outsider).exists()


def test_shares_above_100_percent_are_refused(karlskoga, region, coordinator):
    with pytest.raises(ValidationError):
        services.create_agreement(
            karlskoga,
            by=coordinator,
            title="För dyrt",
            starts_on=datetime.date(2026, 1, 1),
            parties=[services.Party(karlskoga, Decimal(80)), services.Party(region, Decimal(30))],
        )
    assert not Agreement.objects.exists()


def test_an_agreement_needs_two_parties_and_ends_after_it_starts(karlskoga, region, coordinator):
    with pytest.raises(ValidationError):
        services.create_agreement(
            karlskoga,
            by=coordinator,
            title="Ensam",
            starts_on=datetime.date(2026, 1, 1),
            parties=[services.Party(karlskoga)],
        )
    with pytest.raises(ValidationError):
        services.create_agreement(
            karlskoga,
            by=coordinator,
            title="Baklänges",
            starts_on=datetime.date(2026, 1, 1),
            ends_on=datetime.date(2025, 1, 1),
            parties=[services.Party(karlskoga), services.Party(region)],
        )


def test_updating_the_parties_logs_who_left_joined_and_changed(
    agreement, karlskoga, region, stranger, coordinator
):
    services.update_agreement(
        agreement,
        by=coordinator,
        parties=[services.Party(karlskoga, Decimal(50)), services.Party(stranger, Decimal(50))],
    )
    assert set(agreement.parties.values_list("party__name", flat=True)) == {
        "Karlskoga kommun",
        "Nora kommun",
    }
    deleted = AuditEntry.objects.filter(action="delete", object_repr="Region Örebro län")
    assert deleted.exists()
    changed = AuditEntry.objects.filter(action="update", object_repr="Karlskoga kommun").get()
    assert changed.changes["funding_share"] == ["70.00", "50.00"]


def _form_data(karlskoga, region, **extra):
    data = {
        "kind": "cooperation",
        "title": "Avtal om folkhälsoteam",
        "starts_on": "2026-01-01",
        "parties-TOTAL_FORMS": "6",
        "parties-INITIAL_FORMS": "0",
        "parties-MIN_NUM_FORMS": "0",
        "parties-MAX_NUM_FORMS": "1000",
        "parties-0-party": str(karlskoga.pk),
        "parties-0-funding_share": "60",
        "parties-1-party": str(region.pk),
        "parties-1-funding_share": "40",
        "parties-1-funding_note": "Påhittad andel",
    }
    return data | extra


def test_coordinator_records_an_agreement_through_the_form(coordinator_client, karlskoga, region):
    url = reverse("agreements:agreement_create", args=[karlskoga.pk])
    form = coordinator_client.get(url).content.decode()
    assert 'name="parties-5-party"' in form
    response = coordinator_client.post(url, _form_data(karlskoga, region))
    agreement = Agreement.objects.get()
    assert response["Location"] == agreement.get_absolute_url()
    html = coordinator_client.get(agreement.get_absolute_url()).content.decode()
    assert "Påhittad andel" in html
    assert "100.00" in html or "100,00" in html


def test_the_form_refuses_the_same_party_twice(coordinator_client, karlskoga, region):
    url = reverse("agreements:agreement_create", args=[karlskoga.pk])
    data = _form_data(karlskoga, region, **{"parties-1-party": str(karlskoga.pk)})
    response = coordinator_client.post(url, data)
    assert response.status_code == 200
    assert "bara en gång" in response.content.decode()
    assert not Agreement.objects.exists()


def test_the_form_edits_and_deletes(coordinator_client, agreement, karlskoga, region):
    url = reverse("agreements:agreement_edit", args=[agreement.pk])
    assert "Delfinansiär" in coordinator_client.get(url).content.decode()
    data = _form_data(karlskoga, region, title="Nytt namn")
    data["parties-INITIAL_FORMS"] = "2"
    coordinator_client.post(url, data)
    agreement.refresh_from_db()
    assert agreement.title == "Nytt namn"
    assert agreement.parties.get(party=region).funding_share == Decimal(40)
    coordinator_client.post(reverse("agreements:agreement_delete", args=[agreement.pk]))
    assert not Agreement.objects.exists()
    assert not AgreementParty.objects.exists()


def test_case_officer_cannot_record_an_agreement(case_officer_client, karlskoga, region):
    url = reverse("agreements:agreement_create", args=[karlskoga.pk])
    assert case_officer_client.post(url, _form_data(karlskoga, region)).status_code == 403


# Regulations -------------------------------------------------------------------------------


def test_a_joint_committees_regulations_are_seen_where_it_serves(
    karlskoga, joint_committee, coordinator, outsider_client
):
    regulation = services.create_regulation(
        karlskoga,
        by=coordinator,
        body=joint_committee,
        title="Reglemente för folkhälsonämnden",
        responsibilities="Övergripande ansvar för barnkonventions- och folkhälsoarbete.",
    )
    assert AuditEntry.objects.for_object(regulation).filter(action="create").exists()
    response = outsider_client.get(regulation.get_absolute_url())
    assert response.status_code == 200
    assert "Övergripande ansvar" in response.content.decode()


def test_a_committees_own_regulations_are_404_for_others(
    karlskoga, social_committee, coordinator, outsider, outsider_client
):
    regulation = services.create_regulation(
        karlskoga, by=coordinator, body=social_committee, title="Reglemente"
    )
    assert outsider_client.get(regulation.get_absolute_url()).status_code == 404
    assert not Regulation.objects.visible_to(outsider).exists()


def test_regulations_belong_to_a_body_of_the_same_organisation(
    karlskoga, degerfors_committee, coordinator
):
    with pytest.raises(ValidationError):
        services.create_regulation(
            karlskoga, by=coordinator, body=degerfors_committee, title="Fel nämnd"
        )


def test_coordinator_records_regulations_through_the_form(
    coordinator_client, karlskoga, social_committee
):
    url = reverse("agreements:regulation_create", args=[karlskoga.pk])
    response = coordinator_client.post(
        url,
        {
            "body": social_committee.pk,
            "title": "Reglemente för socialnämnden",
            "decision_reference": "KF § 12/2019",
            "valid_from": "2019-07-01",
        },
    )
    regulation = Regulation.objects.get()
    assert response["Location"] == regulation.get_absolute_url()
    coordinator_client.post(
        reverse("agreements:regulation_edit", args=[regulation.pk]),
        {"body": social_committee.pk, "title": "Reglemente (reviderat)"},
    )
    regulation.refresh_from_db()
    assert regulation.title == "Reglemente (reviderat)"
    assert AuditEntry.objects.for_object(regulation).filter(action="update").exists()
    coordinator_client.post(reverse("agreements:regulation_delete", args=[regulation.pk]))
    assert not Regulation.objects.exists()
    assert Body.objects.filter(pk=social_committee.pk).exists()


# A team's coordinator: a role on the team, none in the host organisation ------------------------


@pytest.fixture
def team(karlskoga, region):
    return org_services.create_body(
        karlskoga,
        by=None,
        name="Folkhälsoteamet",
        kind=Body.Kind.TEAM,
        served_organisations=[region],
    )


@pytest.fixture
def team_client(client, karlskoga, team):
    user = make_user("team_coordinator")
    org_services.add_member(karlskoga, by=None, user=user, role=Role.COORDINATOR, body=team)
    client.force_login(user)
    return client


def test_a_teams_coordinator_records_the_teams_agreement(
    team_client, karlskoga, region, team, social_committee
):
    url = reverse("agreements:agreement_create", args=[karlskoga.pk])
    listed = team_client.get(reverse("agreements:agreement_list")).content.decode()
    assert url in listed
    # Only the team may carry out what its coordinator records.
    refused = team_client.post(
        url, _form_data(karlskoga, region, carried_out_by=str(social_committee.pk))
    )
    assert refused.status_code == 200
    assert not Agreement.objects.exists()
    team_client.post(url, _form_data(karlskoga, region, carried_out_by=str(team.pk)))
    agreement = Agreement.objects.get()
    assert agreement.carried_out_by == team
    edit_url = reverse("agreements:agreement_edit", args=[agreement.pk])
    assert team_client.get(edit_url).status_code == 200


def test_a_teams_coordinator_cannot_change_the_host_organisations_own_agreements(
    team_client, agreement
):
    # `agreement` is carried out by the social committee, not the team.
    url = reverse("agreements:agreement_edit", args=[agreement.pk])
    assert team_client.get(url).status_code == 403
