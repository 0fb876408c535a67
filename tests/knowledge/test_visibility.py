"""Nothing of one member reaches another unless it is shared with a network both are in, or
public: not in lists, not in search results, not on the detail page (404)."""

import pytest
from django.urls import reverse

from knowledge.models import Example
from networks import services as network_services
from networks.models import Network

from .conftest import add_example


@pytest.fixture
def three_examples(karlskoga, coordinator):
    return {
        visibility: add_example(
            karlskoga,
            by=coordinator,
            title=f"Barnens {visibility} exempel",
            description="<p>Om barnen i parken.</p>",
            visibility=visibility,
        )
        for visibility in Example.Visibility.values
    }


def _search(client, url_name, query="barnen"):
    return client.get(reverse(url_name), {"q": query}).content.decode()


def test_outsider_sees_only_public_examples_in_list_search_and_detail(
    outsider, outsider_client, three_examples
):
    assert set(Example.objects.visible_to(outsider)) == {three_examples["public"]}
    page = _search(outsider_client, "knowledge:example_list")
    assert three_examples["public"].title in page
    for hidden in ("organisation", "network"):
        example = three_examples[hidden]
        assert example.title not in page
        assert outsider_client.get(example.get_absolute_url()).status_code == 404
    assert outsider_client.get(three_examples["public"].get_absolute_url()).status_code == 200


def test_network_members_see_network_examples_but_not_the_organisations_own(
    karlskoga, degerfors, outsider, outsider_client, three_examples
):
    network_services.create_network(
        karlskoga,
        by=None,
        name="Partnerskapet",
        kind=Network.Kind.PARTNERSHIP,
        member_organisations=[karlskoga, degerfors],
    )
    assert set(Example.objects.visible_to(outsider)) == {
        three_examples["public"],
        three_examples["network"],
    }
    page = _search(outsider_client, "knowledge:example_list")
    assert three_examples["network"].title in page
    assert three_examples["organisation"].title not in page
    assert outsider_client.get(three_examples["network"].get_absolute_url()).status_code == 200
    assert outsider_client.get(three_examples["organisation"].get_absolute_url()).status_code == 404


def test_a_member_body_makes_its_organisation_a_network_member(
    karlskoga, degerfors, degerfors_committee, outsider, three_examples
):
    network_services.create_network(
        karlskoga,
        by=None,
        name="Nämndnätverket",
        kind=Network.Kind.CROSS_SECTORAL,
        member_organisations=[karlskoga],
        member_bodies=[degerfors_committee],
    )
    assert three_examples["network"] in Example.objects.visible_to(outsider)


def test_leaving_the_network_hides_its_examples_at_once(
    karlskoga, degerfors, outsider, three_examples
):
    network = network_services.create_network(
        karlskoga,
        by=None,
        name="Partnerskapet",
        kind=Network.Kind.PARTNERSHIP,
        member_organisations=[karlskoga, degerfors],
    )
    assert three_examples["network"] in Example.objects.visible_to(outsider)
    network_services.update_network(network, by=None, member_organisations=[karlskoga])
    outsider.__dict__.pop("_barnratt_access", None)
    assert three_examples["network"] not in Example.objects.visible_to(outsider)


def test_a_network_of_others_does_not_open_the_door(karlskoga, degerfors, outsider, three_examples):
    from organisations.models import Organisation

    nora = Organisation.objects.create(name="Nora kommun", kind="municipality", scb_code="1884")
    network_services.create_network(
        degerfors,
        by=None,
        name="Utan Karlskoga",
        kind=Network.Kind.REGIONAL,
        member_organisations=[degerfors, nora],
    )
    assert set(Example.objects.visible_to(outsider)) == {three_examples["public"]}


def test_anonymous_public_pages_show_only_public_examples(client, three_examples):
    page = _search(client, "knowledge:public_list")
    assert three_examples["public"].title in page
    assert three_examples["network"].title not in page
    assert three_examples["organisation"].title not in page
    public = three_examples["public"]
    assert client.get(reverse("knowledge:public_detail", args=[public.pk])).status_code == 200
    for hidden in ("organisation", "network"):
        url = reverse("knowledge:public_detail", args=[three_examples[hidden].pk])
        assert client.get(url).status_code == 404


def test_the_own_organisation_sees_all_its_examples(
    coordinator, coordinator_client, three_examples
):
    page = _search(coordinator_client, "knowledge:example_list")
    for example in three_examples.values():
        assert example.title in page
