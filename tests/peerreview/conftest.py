"""A partnership convened by Karlskoga with Degerfors and Haninge as members. Degerfors reviews
Karlskoga; Haninge is a member on neither side; Nora is outside the network."""

import datetime

import pytest

from networks import services as network_services
from networks.models import Network
from organisations import services as organisation_services
from organisations.models import Organisation
from organisations.roles import Role
from peerreview import services
from planning import services as planning_services
from tests.conftest import make_user


@pytest.fixture
def haninge(db):
    return Organisation.objects.create(name="Haninge kommun", kind="municipality", scb_code="0136")


@pytest.fixture
def nora(db):
    return Organisation.objects.create(name="Nora kommun", kind="municipality", scb_code="1884")


@pytest.fixture
def partnership(karlskoga, degerfors, haninge):
    return network_services.create_network(
        karlskoga,
        by=None,
        name="Partnerskapet",
        kind=Network.Kind.PARTNERSHIP,
        member_organisations=[karlskoga, degerfors, haninge],
    )


def _coordinator(username, organisation):
    user = make_user(username)
    organisation_services.add_member(organisation, by=None, user=user, role=Role.COORDINATOR)
    return user


@pytest.fixture
def reviewer(degerfors):
    """A coordinator in Degerfors, the reviewing organisation."""
    return _coordinator("reviewer", degerfors)


@pytest.fixture
def member(haninge):
    """A coordinator in Haninge: in the network, on neither side of the review."""
    return _coordinator("member", haninge)


@pytest.fixture
def stranger(nora):
    """A coordinator in Nora, outside the network."""
    return _coordinator("stranger", nora)


@pytest.fixture
def review(partnership, karlskoga, degerfors, reviewer):
    return services.plan_review(
        partnership,
        by=reviewer,
        organisation=karlskoga,
        reviewing_organisations=[degerfors],
        title="Granskning av Karlskoga",
        year=2026,
        focus_factors=["long_term_plan", "training"],
        questions="Hur följs planen upp?",
        visit_date=datetime.date(2026, 3, 10),
        report_due=datetime.date(2026, 4, 30),
    )


@pytest.fixture
def reported(review, reviewer):
    """The review with findings, ratings and three recommendations, reported."""
    services.start_review(review, by=reviewer)
    services.add_interview(
        review, by=reviewer, held_on=datetime.date(2026, 3, 10), with_whom="Folkhälsostrateg"
    )
    services.add_document(review, by=reviewer, title="Handlingsplanen", reference="KS 2025/12")
    plan = services.save_finding(
        review, "long_term_plan", by=reviewer, text="Planen saknar indikatorer.", level=2
    )
    training = services.save_finding(
        review, "training", by=reviewer, text="Alla nämnder är utbildade.", level=3
    )
    services.add_recommendation(plan, by=reviewer, text="Lägg till indikatorer till varje mål.")
    services.add_recommendation(plan, by=reviewer, text="Följ upp planen varje halvår.")
    services.add_recommendation(training, by=reviewer, text="Utbilda nya chefer varje år.")
    return services.report_review(review, by=reviewer, summary="En tydlig struktur.")


@pytest.fixture
def goal(karlskoga, coordinator):
    plan = planning_services.create_plan(
        karlskoga, by=coordinator, title="Handlingsplan", start_year=2026, end_year=2028
    )
    area = planning_services.add_area(plan, by=coordinator, title="Styrning")
    return planning_services.add_goal(area, by=coordinator, title="Planen följs upp")
