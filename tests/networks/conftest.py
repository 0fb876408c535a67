"""A network convened by Karlskoga with Degerfors as a member, Haninge outside it, and one of
each kind of Karlskoga item that could be shared."""

import datetime

import pytest

from knowledge import services as knowledge
from networks import services
from networks.models import Network
from organisations import services as organisations
from organisations.models import Organisation
from organisations.roles import Role
from planning import services as planning
from tests.conftest import make_user


@pytest.fixture
def network(karlskoga, degerfors, social_committee):
    return services.create_network(
        karlskoga,
        by=None,
        name="Partnerskapet",
        kind=Network.Kind.PARTNERSHIP,
        member_organisations=[karlskoga, degerfors],
        member_bodies=[social_committee],
    )


@pytest.fixture
def haninge(db):
    return Organisation.objects.create(name="Haninge kommun", kind="municipality", scb_code="0136")


@pytest.fixture
def stranger(haninge):
    """A coordinator in Haninge, which is in no network with Karlskoga."""
    user = make_user("stranger")
    organisations.add_member(haninge, by=None, user=user, role=Role.COORDINATOR)
    return user


@pytest.fixture
def policy(karlskoga, coordinator):
    return planning.create_policy(
        karlskoga, by=coordinator, title="Barn- och ungdomspolitisk policy", kind="policy"
    )


@pytest.fixture
def example(karlskoga, coordinator):
    return knowledge.create_example(
        karlskoga,
        by=coordinator,
        title="Barnombud i skolan",
        year=2025,
        description="<p>Så gjorde vi.</p>",
        visibility="organisation",
    )


@pytest.fixture
def report_version(karlskoga, coordinator, decision_maker):
    from reports import services as reports

    report = reports.create_report(karlskoga, by=coordinator, year=2025)
    reports.approve_report(report, by=decision_maker)
    reports.publish_report(report, by=coordinator)
    return report.versions.get()


@pytest.fixture
def indicator(db):
    from indicators.models import Indicator

    return Indicator.objects.get(code="barn-ekonomiskt-utsatta")


@pytest.fixture
def meeting(network, coordinator):
    return services.create_meeting(
        network,
        by=coordinator,
        title="Vårträff",
        held_on=datetime.date(2026, 4, 23),
        place="Folkets hus",
        agenda="<ol><li>Välkomna</li></ol><script>alert(1)</script>",
        notes="<p>Anteckningar</p>",
    )


@pytest.fixture
def template(karlskoga, coordinator, standard_version):
    """Karlskoga's own assessment template, version 1 published."""
    from assessments import template_services

    own = template_services.copy_template(
        standard_version.template, by=coordinator, organisation=karlskoga
    )
    own.name = "Karlskogas barnkonsekvensmall"
    own.save()
    template_services.publish_version(own.versions.get(), by=coordinator)
    return own
