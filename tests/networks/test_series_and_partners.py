"""Meetings that repeat (python-dateutil's rrule), attendance per body and capacity, the cases
a meeting prepares, and partners who are not users (issue 21)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from core.models import AuditEntry
from networks import services
from networks.models import (
    MeetingAttendance,
    MeetingSeries,
    Network,
    NetworkMeeting,
    NetworkPartner,
)
from organisations import services as organisations
from organisations.roles import Role
from tests import world
from tests.conftest import make_user


@pytest.fixture
def convened(karlskoga, degerfors, joint_committee, social_committee, degerfors_committee):
    """The cross-sectoral network as the sources tell it: convened by Folkhälsonämnden."""
    return services.create_network(
        karlskoga,
        by=None,
        name="Tvärsektoriellt nätverk",
        kind=Network.Kind.CROSS_SECTORAL,
        convened_by=joint_committee,
        member_organisations=[karlskoga, degerfors],
        member_bodies=[social_committee, degerfors_committee],
    )


@pytest.fixture
def committee_strategist(karlskoga, joint_committee):
    """A coordinator on Folkhälsonämnden only: no role in Karlskoga itself."""
    user = make_user("strategist")
    organisations.add_member(
        karlskoga, by=None, user=user, role=Role.COORDINATOR, body=joint_committee
    )
    return user


def series_form(**extra):
    return {
        "title": "Tvärsektoriellt nätverk",
        "place": "Folkhälsoenheten",
        "frequency": "monthly",
        "interval": "3",
        "starts_on": "2026-02-10",
        "ends_on": "2026-12-31",
        "agenda": "<p>Läget i nämnderna</p>",
        **extra,
    }


def test_four_times_a_year_makes_four_dated_meetings(client, convened, committee_strategist):
    client.force_login(committee_strategist)
    response = client.post(reverse("networks:series_create", args=[convened.pk]), series_form())
    assert response.status_code == 302
    series = MeetingSeries.objects.get()
    dates = list(series.meetings.order_by("held_on").values_list("held_on", flat=True))
    assert dates == [
        datetime.date(2026, 2, 10),
        datetime.date(2026, 5, 10),
        datetime.date(2026, 8, 10),
        datetime.date(2026, 11, 10),
    ]
    assert {m.place for m in series.meetings.all()} == {"Folkhälsoenheten"}
    assert AuditEntry.objects.for_object(series).get().action == "create"
    assert series.rhythm == "var 3:e månad"


def test_a_series_refuses_more_than_its_limit(client, convened, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("networks:series_create", args=[convened.pk]),
        series_form(frequency="weekly", interval="1", ends_on="2030-12-31"),
    )
    assert response.status_code == 200
    assert not NetworkMeeting.objects.exists()


def test_a_case_officer_cannot_start_a_series(client, convened, case_officer):
    client.force_login(case_officer)
    response = client.get(reverse("networks:series_create", args=[convened.pk]))
    assert response.status_code == 403


def test_ending_a_series_keeps_the_meetings_held(convened, coordinator):
    series = services.create_series(
        convened,
        by=coordinator,
        title="Nätverket",
        frequency="monthly",
        interval=3,
        starts_on=datetime.date(2026, 1, 15),
        ends_on=datetime.date(2026, 12, 31),
    )
    services.delete_series(series, by=coordinator, today=datetime.date(2026, 6, 1))
    assert list(NetworkMeeting.objects.values_list("held_on", "series")) == [
        (datetime.date(2026, 4, 15), None),
        (datetime.date(2026, 1, 15), None),
    ]


def test_a_meeting_links_the_cases_it_prepares(client, convened, committee_strategist, case):
    client.force_login(committee_strategist)
    response = client.post(
        reverse("networks:meeting_create", args=[convened.pk]),
        {"title": "Vårträff", "held_on": "2026-04-23", "cases": [case.pk]},
    )
    assert response.status_code == 302
    meeting = NetworkMeeting.objects.get()
    assert list(meeting.cases.all()) == [case]
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert case.get_absolute_url() in page


def test_a_meeting_links_only_the_members_cases(convened, coordinator, haninge_case):
    with pytest.raises(ValidationError):
        services.create_meeting(
            convened,
            by=coordinator,
            title="Vårträff",
            held_on=datetime.date(2026, 4, 23),
            cases=[haninge_case],
        )


def test_a_reader_sees_no_linked_case_they_may_not_see(
    client, convened, coordinator, case, outsider
):
    meeting = services.create_meeting(
        convened, by=coordinator, title="Vårträff", held_on=datetime.date(2026, 4, 23), cases=[case]
    )
    client.force_login(outsider)  # Degerfors: a member of the network, not of the case
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert case.title not in page


def test_attendance_per_body_and_capacity(
    client, convened, committee_strategist, social_committee, degerfors_committee
):
    partner = services.add_partner(convened, by=None, name="Rädda Barnen", kind="civil_society")
    meeting = services.create_meeting(
        convened, by=None, title="Vårträff", held_on=datetime.date(2026, 4, 23)
    )
    client.force_login(committee_strategist)
    response = client.post(
        reverse("networks:meeting_attendance", args=[meeting.pk]),
        {
            f"body_{social_committee.pk}_elected": "2",
            f"body_{social_committee.pk}_official": "1",
            f"body_{degerfors_committee.pk}_official": "1",
            f"partner_{partner.pk}": "on",
        },
    )
    assert response.status_code == 302
    rows = set(
        MeetingAttendance.objects.values_list(
            "body__name", "partner__name", "capacity", "attendees"
        )
    )
    assert rows == {
        ("Socialnämnden", None, "elected", 2),
        ("Socialnämnden", None, "official", 1),
        ("Kommunstyrelsen", None, "official", 1),
        (None, "Rädda Barnen", "partner", 1),
    }
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "förtroendevalda" in page and "Rädda Barnen" in page


def test_attendance_is_kept_by_the_convener_only(client, convened, case_officer):
    meeting = services.create_meeting(
        convened, by=None, title="Vårträff", held_on=datetime.date(2026, 4, 23)
    )
    client.force_login(case_officer)
    assert client.get(reverse("networks:meeting_attendance", args=[meeting.pk])).status_code == 403


def test_a_partner_without_consent_keeps_no_contact_details(client, convened, committee_strategist):
    client.force_login(committee_strategist)
    url = reverse("networks:partner_add", args=[convened.pk])
    refused = client.post(
        url, {"name": "Idrottsföreningen", "kind": "association", "email": "a@b.se"}
    )
    assert refused.status_code == 200
    assert not NetworkPartner.objects.exists()
    response = client.post(
        url,
        {
            "name": "Rädda Barnen",
            "kind": "civil_society",
            "contact_consent": "on",
            "contact_name": "Lokalföreningen",
            "email": "lokal@example.org",
        },
    )
    assert response.status_code == 302
    partner = NetworkPartner.objects.get()
    services.update_partner(partner, by=committee_strategist, contact_consent=False)
    partner.refresh_from_db()
    assert (partner.contact_name, partner.email) == ("", "")


def test_the_database_refuses_details_without_consent(convened):
    with pytest.raises(IntegrityError), transaction.atomic():
        NetworkPartner.objects.create(
            organisation=convened.organisation,
            network=convened,
            name="Företaget",
            kind="company",
            phone="0586-100 00",
        )


def test_a_members_reader_sees_partners_but_cannot_add_them(client, convened, outsider):
    services.add_partner(convened, by=None, name="Rädda Barnen", kind="civil_society")
    client.force_login(outsider)
    page = client.get(convened.get_absolute_url()).content.decode()
    assert "Rädda Barnen" in page
    assert reverse("networks:partner_add", args=[convened.pk]) not in page
    assert client.get(reverse("networks:partner_add", args=[convened.pk])).status_code == 403


@pytest.fixture
def haninge_case(haninge):
    committee = organisations.create_body(haninge, by=None, name="Socialnämnden", kind="committee")
    return world.make_case(haninge, committee, None)
