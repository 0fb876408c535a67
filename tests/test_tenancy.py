"""One mechanism narrows every queryset; another organisation's object answers 404."""

import re

import pytest
from django.urls import reverse

from core.models import AuditEntry
from networks import services as network_services
from networks.models import Network
from organisations import services
from organisations.models import Body, Membership, Organisation, PopulationFact


def test_anonymous_sees_nothing(karlskoga, social_committee, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    assert not Body.objects.visible_to(AnonymousUser()).exists()
    assert not Organisation.objects.visible_to(AnonymousUser()).exists()


def test_user_without_membership_sees_nothing(karlskoga, social_committee, django_user_model):
    loner = django_user_model.objects.create_user("loner", password="x")
    assert not Organisation.objects.visible_to(loner).exists()
    assert not Body.objects.visible_to(loner).exists()


def test_member_sees_own_organisation_only(coordinator, karlskoga, degerfors):
    assert list(Organisation.objects.visible_to(coordinator)) == [karlskoga]


def test_outsider_does_not_see_karlskoga_bodies(outsider, social_committee, degerfors_committee):
    assert list(Body.objects.visible_to(outsider)) == [degerfors_committee]


def test_joint_body_is_visible_to_the_organisations_it_serves(
    outsider, joint_committee, social_committee
):
    assert joint_committee in Body.objects.visible_to(outsider)
    assert social_committee not in Body.objects.visible_to(outsider)


def test_member_of_a_joint_body_sees_the_organisations_it_serves(
    django_user_model, joint_committee, karlskoga, degerfors
):
    member = django_user_model.objects.create_user("joint-member", password="x")
    services.add_member(karlskoga, by=None, user=member, role="case_officer", body=joint_committee)
    assert set(Organisation.objects.visible_to(member)) == {karlskoga, degerfors}


def test_network_is_visible_to_member_organisations(
    outsider, karlskoga, degerfors, social_committee
):
    network = network_services.create_network(
        karlskoga,
        by=None,
        name="Partnerskap",
        kind="partnership",
        member_organisations=[karlskoga, degerfors],
    )
    hidden = network_services.create_network(
        karlskoga, by=None, name="Internt", kind="cross_sectoral", member_bodies=[social_committee]
    )
    visible = set(Network.objects.visible_to(outsider))
    assert network in visible
    assert hidden not in visible


def test_memberships_and_facts_are_scoped(outsider, coordinator, karlskoga):
    services.add_population_fact(karlskoga, by=None, year=2025, inhabitants=30000, source="test")
    assert not Membership.objects.visible_to(outsider).filter(organisation=karlskoga).exists()
    assert not PopulationFact.objects.visible_to(outsider).exists()
    assert PopulationFact.objects.visible_to(coordinator).count() == 1


def test_superuser_sees_everything(django_user_model, karlskoga, degerfors):
    root = django_user_model.objects.create_superuser("root", password="x")
    assert Organisation.objects.visible_to(root).count() == 2


@pytest.mark.parametrize(
    "url_name, target",
    [
        ("organisations:detail", "karlskoga"),
        ("organisations:edit", "karlskoga"),
        ("organisations:people", "karlskoga"),
        ("organisations:body_detail", "social_committee"),
        ("organisations:body_edit", "social_committee"),
        ("organisations:body_delete", "social_committee"),
        ("networks:network_detail", "karlskoga_network"),
        ("networks:network_edit", "karlskoga_network"),
    ],
)
def test_outsider_gets_404_for_karlskoga_objects(outsider_client, request, url_name, target):
    obj = request.getfixturevalue(target)
    kwarg = "organisation_pk" if url_name == "organisations:people" else "pk"
    response = outsider_client.get(reverse(url_name, kwargs={kwarg: obj.pk}))
    assert response.status_code == 404


def test_outsider_gets_404_for_history_of_karlskoga_body(outsider_client, social_committee):
    url = reverse("home:history", args=["organisations.body", social_committee.pk])
    assert outsider_client.get(url).status_code == 404


def test_404_for_another_organisation_looks_like_404_for_a_missing_one(
    outsider_client, social_committee
):
    others = outsider_client.get(reverse("organisations:body_detail", args=[social_committee.pk]))
    missing = outsider_client.get(reverse("organisations:body_detail", args=[999999]))
    assert others.status_code == missing.status_code == 404

    # The pages differ only in the address asked for and the (masked, per-request) CSRF token.
    def without_address(response):
        content = re.sub(r"/bodies/\d+/", "/bodies/N/", response.content.decode())
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", content)

    assert without_address(others) == without_address(missing)


def test_audit_entries_carry_the_owning_organisation(social_committee, karlskoga):
    entry = AuditEntry.objects.for_object(social_committee).get()
    assert entry.organisation_id == karlskoga.pk
