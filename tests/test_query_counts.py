"""Pages run a fixed number of SQL queries, however much data there is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.audit import update_object
from networks import services as network_services
from organisations import services
from organisations.models import Body


def queries_for(client, url):
    client.get(url)  # the first request of a session also writes the session's last-seen mark
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def grow(karlskoga, degerfors, coordinator, size):
    """Add `size` bodies, networks, members and history entries to Karlskoga."""
    from django.contrib.auth import get_user_model

    start = Body.objects.count()
    for i in range(start, start + size):
        body = services.create_body(
            karlskoga,
            by=coordinator,
            name=f"Nämnd {i}",
            kind="committee",
            served_organisations=[degerfors],
        )
        network_services.create_network(
            karlskoga,
            by=coordinator,
            name=f"Nätverk {i}",
            kind="partnership",
            member_organisations=[karlskoga, degerfors],
            member_bodies=[body],
        )
        person = get_user_model().objects.create_user(f"person{i}", password="x")
        services.add_member(karlskoga, by=coordinator, user=person, role="reader", body=body)
        update_object(karlskoga, by=coordinator, description=f"Version {i}")


PAGES = [
    ("home:start", lambda k, b, n: {}),
    ("organisations:list", lambda k, b, n: {}),
    ("organisations:detail", lambda k, b, n: {"pk": k.pk}),
    ("organisations:people", lambda k, b, n: {"organisation_pk": k.pk}),
    ("organisations:body_list", lambda k, b, n: {}),
    ("organisations:body_detail", lambda k, b, n: {"pk": b.pk}),
    ("networks:network_list", lambda k, b, n: {}),
    ("networks:network_detail", lambda k, b, n: {"pk": n.pk}),
    ("home:history", lambda k, b, n: {"model_label": "organisations.organisation", "pk": k.pk}),
    ("convention:articles", lambda k, b, n: {}),
]


@pytest.mark.parametrize("name, kwargs", PAGES, ids=[name for name, _ in PAGES])
def test_query_count_does_not_grow_with_data(
    coordinator_client,
    coordinator,
    karlskoga,
    degerfors,
    social_committee,
    karlskoga_network,
    name,
    kwargs,
):
    url = reverse(name, kwargs=kwargs(karlskoga, social_committee, karlskoga_network))
    grow(karlskoga, degerfors, coordinator, 1)
    small = queries_for(coordinator_client, url)
    grow(karlskoga, degerfors, coordinator, 9)
    large = queries_for(coordinator_client, url)
    assert large == small, f"{name}: {small} queries with little data, {large} with more"
    assert small <= 12, f"{name} runs {small} queries"


def test_people_page_does_not_query_per_person(coordinator_client, coordinator, karlskoga):
    from django.contrib.auth import get_user_model

    url = reverse("organisations:people", kwargs={"organisation_pk": karlskoga.pk})
    few = queries_for(coordinator_client, url)
    for i in range(8):
        person = get_user_model().objects.create_user(f"reader{i}", password="x")
        services.add_member(karlskoga, by=coordinator, user=person, role="reader")
    assert queries_for(coordinator_client, url) == few
