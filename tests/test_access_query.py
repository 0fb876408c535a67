"""The user's access is read in one statement (decision 0023, built with the ORM since 0028); it
must agree, fact by fact, with the filters the models use when they work the same things out on
their own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.tenancy import OrganisationIds
from networks import services as network_services
from networks.models import Network
from organisations import services
from organisations.access import forget_access, user_access
from organisations.models import Body, Membership, Organisation
from organisations.permissions import Role
from tests.conftest import make_user


@pytest.fixture
def region(db):
    """Four municipalities, two joint bodies and four networks, reaching across them."""
    a, b, c, d = (
        Organisation.objects.create(name=name, kind="municipality", scb_code=code)
        for name, code in (
            ("A kommun", "9001"),
            ("B kommun", "9002"),
            ("C kommun", "9003"),
            ("D kommun", "9004"),
        )
    )
    b_board = services.create_body(b, by=None, name="Kommunstyrelsen", kind=Body.Kind.BOARD)
    a_joint = services.create_body(
        a, by=None, name="Folkhälsonämnden", kind=Body.Kind.COMMITTEE, served_organisations=[b]
    )
    c_joint = services.create_body(
        c, by=None, name="Gemensam nämnd", kind=Body.Kind.COMMITTEE, served_organisations=[b, d]
    )
    networks = {
        "c_with_b": network_services.create_network(
            c, by=None, name="N1", kind="partnership", member_organisations=[b]
        ),
        "d_with_b_board": network_services.create_network(
            d, by=None, name="N2", kind="regional", member_bodies=[b_board]
        ),
        "c_alone": network_services.create_network(c, by=None, name="N3", kind="cross_sectoral"),
        "a_alone": network_services.create_network(a, by=None, name="N4", kind="cross_sectoral"),
    }
    return {
        "a": a,
        "b": b,
        "c": c,
        "d": d,
        "a_joint": a_joint,
        "c_joint": c_joint,
        "b_board": b_board,
        "networks": networks,
    }


def _expected(user):
    """The same facts through the ORM, the way the models derive them without the memo."""
    memberships = Membership.objects.filter(user=user)
    organisation_ids = set(memberships.values_list("organisation_id", flat=True))
    body_ids = set(memberships.exclude(body=None).values_list("body_id", flat=True))
    organisation_ids |= set(
        Body.served_organisations.through.objects.filter(body_id__in=body_ids).values_list(
            "organisation_id", flat=True
        )
    )
    return {
        "organisations": organisation_ids,
        "joint": Body.joint_body_ids(OrganisationIds(organisation_ids)),
        "networks": Network.member_network_ids(OrganisationIds(organisation_ids)),
    }


def _actual(user):
    forget_access(user)
    access = user_access(user)
    return {
        "organisations": set(access.organisation_ids),
        "joint": list(access.joint_body_ids),
        "networks": list(access.derived_ids["member_network_ids"]),
    }


def test_a_member_of_one_municipality(region):
    user = make_user("b-coordinator")
    services.add_member(region["b"], by=None, user=user, role=Role.COORDINATOR)
    actual = _actual(user)
    assert actual == _expected(user)
    assert actual["joint"] == sorted([region["a_joint"].pk, region["c_joint"].pk])
    assert set(actual["networks"]) == {
        region["networks"]["c_with_b"].pk,
        region["networks"]["d_with_b_board"].pk,
    }


def test_a_member_of_a_joint_body_sees_what_its_served_organisations_see(region):
    user = make_user("joint-officer")
    services.add_member(
        region["c"], by=None, user=user, role=Role.CASE_OFFICER, body=region["c_joint"]
    )
    actual = _actual(user)
    assert actual == _expected(user)
    assert actual["organisations"] == {region["b"].pk, region["c"].pk, region["d"].pk}
    # Hosted by one of the user's own organisations: its rows are already theirs.
    assert region["c_joint"].pk not in actual["joint"]
    assert region["a_joint"].pk in actual["joint"]
    assert region["networks"]["a_alone"].pk not in actual["networks"]


def test_roles_are_kept_apart_by_organisation_and_body(region):
    user = make_user("two-hats")
    services.add_member(region["a"], by=None, user=user, role=Role.COORDINATOR)
    services.add_member(region["a"], by=None, user=user, role=Role.CASE_OFFICER)
    services.add_member(
        region["a"], by=None, user=user, role=Role.DECISION_MAKER, body=region["a_joint"]
    )
    access = user_access(user)
    assert access.organisation_roles == {
        region["a"].pk: frozenset({Role.COORDINATOR, Role.CASE_OFFICER})
    }
    assert access.body_roles == {region["a_joint"].pk: frozenset({Role.DECISION_MAKER})}
    assert access.names == {region["a"].pk: "A kommun", region["b"].pk: "B kommun"}
    assert _actual(user) == _expected(user)


def test_no_memberships_means_no_access(region):
    user = make_user("nobody")
    assert _actual(user) == {"organisations": set(), "joint": [], "networks": []}


def test_one_query_answers_every_later_question(region):
    user = make_user("b-officer")
    services.add_member(region["b"], by=None, user=user, role=Role.CASE_OFFICER)
    forget_access(user)
    with CaptureQueriesContext(connection) as queries:
        ids = user_access(user).sorted_organisation_ids
        Body.joint_body_ids(ids)
        Network.member_network_ids(ids)
    assert len(queries) == 1


def test_two_roles_on_one_joint_body_and_a_body_serving_two_of_them_count_once(region):
    user = make_user("joint-two-hats")
    for role in (Role.CASE_OFFICER, Role.DECISION_MAKER):
        services.add_member(region["a"], by=None, user=user, role=role, body=region["a_joint"])
    services.add_member(region["d"], by=None, user=user, role=Role.READER)
    actual = _actual(user)
    assert actual == _expected(user)
    assert actual["organisations"] == {region["a"].pk, region["b"].pk, region["d"].pk}
    # c_joint serves both b and d: one id, not two.
    assert actual["joint"] == [region["c_joint"].pk]
