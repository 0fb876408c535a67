"""Nothing of one member crosses to another unless it is shared on purpose, and unsharing takes
access away at once."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.models import AuditEntry
from networks import services
from networks.models import SharedItem


@pytest.fixture
def items(policy, example, report_version, indicator, template):
    return {
        SharedItem.Kind.POLICY: policy,
        SharedItem.Kind.EXAMPLE: example,
        SharedItem.Kind.REPORT: report_version,
        SharedItem.Kind.TEMPLATE: template,
    }


def _share_all(network, items, by, indicator, karlskoga):
    shares = [services.share(network, item, by=by, kind=kind) for kind, item in items.items()]
    shares.append(
        services.share_comparison(network, karlskoga, by=by, indicator=indicator, compare=["1862"])
    )
    return shares


def test_nothing_unshared_crosses_from_one_member_to_another(
    client, network, outsider, items, policy, example, template
):
    """The Degerfors coordinator is a member of the network, yet sees nothing of Karlskoga's."""
    client.force_login(outsider)
    assert client.get(template.get_absolute_url()).status_code == 404
    assert template.name not in client.get(reverse("assessments:template_list")).content.decode()
    page = client.get(network.get_absolute_url()).content.decode()
    for item in items.values():
        assert str(item) not in page
    assert client.get(reverse("planning:policy_detail", args=[policy.pk])).status_code == 404
    assert client.get(reverse("knowledge:example_detail", args=[example.pk])).status_code == 404
    assert policy.title not in client.get(reverse("planning:policy_list")).content.decode()
    assert example.title not in client.get(reverse("knowledge:example_list")).content.decode()
    assert client.get(reverse("networks:share", args=[network.pk])).status_code == 200
    share_page = client.get(reverse("networks:share", args=[network.pk])).content.decode()
    for item in items.values():
        assert str(item) not in share_page  # not even offered to share on another's behalf


def test_shared_items_are_read_only_for_members_and_gone_at_once_when_unshared(
    client, network, coordinator, outsider, items, indicator, karlskoga, example, policy
):
    shares = _share_all(network, items, coordinator, indicator, karlskoga)
    client.force_login(outsider)
    page = client.get(network.get_absolute_url()).content.decode()
    for shared in shares:
        assert str(shared.item) in page
        response = client.get(shared.get_absolute_url())
        assert response.status_code == 200
        assert reverse("networks:unshare", args=[network.pk, shared.pk]) not in (
            response.content.decode()
        )
        assert (
            client.get(reverse("networks:unshare", args=[network.pk, shared.pk])).status_code == 403
        )
    # The knowledge bank honours a share with a specific network; the planning pages do not
    # open up: a shared policy is read on the network's page.
    assert client.get(reverse("knowledge:example_detail", args=[example.pk])).status_code == 200
    assert client.get(reverse("planning:policy_detail", args=[policy.pk])).status_code == 404
    # A shared template is read on the network's page too, never on the templates' pages.
    assert client.get(items[SharedItem.Kind.TEMPLATE].get_absolute_url()).status_code == 404

    urls = [shared.get_absolute_url() for shared in shares]
    copy = reverse("networks:copy_shared_template", args=[network.pk, shares[3].pk])
    assert shares[3].kind == SharedItem.Kind.TEMPLATE
    for shared in shares:
        services.unshare(shared, by=coordinator)
    page = client.get(network.get_absolute_url()).content.decode()
    for shared, url in zip(shares, urls, strict=True):
        assert str(shared.item) not in page
        assert client.get(url).status_code == 404
    assert client.get(reverse("knowledge:example_detail", args=[example.pk])).status_code == 404
    assert client.post(copy, {"organisation": "0"}).status_code == 404


def test_outsider_of_the_network_sees_neither_the_network_nor_what_is_shared(
    client, network, coordinator, stranger, policy
):
    shared = services.share(network, policy, by=coordinator, kind=SharedItem.Kind.POLICY)
    client.force_login(stranger)
    assert client.get(network.get_absolute_url()).status_code == 404
    assert client.get(shared.get_absolute_url()).status_code == 404


def test_a_shared_item_is_not_found_under_another_network(
    client, network, coordinator, karlskoga, policy
):

    other = services.create_network(
        karlskoga, by=None, name="Annat", kind="partnership", member_organisations=[karlskoga]
    )
    shared = services.share(network, policy, by=coordinator, kind=SharedItem.Kind.POLICY)
    client.force_login(coordinator)
    url = reverse("networks:shared_item", args=[other.pk, shared.pk])
    assert client.get(url).status_code == 404


def test_share_and_unshare_write_the_audit_log(network, coordinator, policy):
    shared = services.share(network, policy, by=coordinator, kind=SharedItem.Kind.POLICY)
    pk = shared.pk
    assert AuditEntry.objects.for_object(shared).get().action == "create"
    services.unshare(shared, by=coordinator)
    entries = AuditEntry.objects.filter(object_id=str(pk), content_type__model="shareditem")
    assert entries.filter(action="delete", actor=coordinator).exists()


def test_only_a_member_can_share_and_only_once(network, coordinator, policy, haninge):
    from planning import services as planning

    services.share(network, policy, by=coordinator, kind=SharedItem.Kind.POLICY)
    with pytest.raises(ValidationError):
        services.share(network, policy, by=coordinator, kind=SharedItem.Kind.POLICY)
    foreign = planning.create_policy(haninge, by=None, title="Haninges policy", kind="policy")
    with pytest.raises(ValidationError):
        services.share(network, foreign, by=None, kind=SharedItem.Kind.POLICY)


def test_coordinator_shares_through_the_page_and_stops_sharing(coordinator_client, network, policy):
    url = reverse("networks:share", args=[network.pk])
    page = coordinator_client.get(url).content.decode()
    # "Share" as a verb on the button ("Dela"), not "Andel" (a portion); labels capitalised.
    assert ">Dela</button>" in page and "Andel" not in page
    assert '<label for="id_policy-item">Styrdokument' in page
    response = coordinator_client.post(
        url, {"kind": "policy", "policy-item": policy.pk, "policy-note": "Läs gärna"}
    )
    assert response.status_code == 302
    shared = SharedItem.objects.get(network=network, policy=policy)
    assert shared.note == "Läs gärna"
    unshare = reverse("networks:unshare", args=[network.pk, shared.pk])
    assert coordinator_client.post(unshare).status_code == 302
    assert not SharedItem.objects.filter(pk=shared.pk).exists()


def test_a_case_officer_cannot_share(case_officer_client, network, policy):
    url = reverse("networks:share", args=[network.pk])
    assert case_officer_client.get(url).status_code == 403
    response = case_officer_client.post(url, {"kind": "policy", "policy-item": policy.pk})
    assert response.status_code == 403
    assert not SharedItem.objects.exists()


def test_comparison_is_shared_from_the_comparison_page(
    coordinator_client, network, karlskoga, degerfors, indicator
):
    page = reverse("indicators:comparison", args=[karlskoga.pk, indicator.pk])
    assert reverse("networks:share_comparison", args=[karlskoga.pk, indicator.pk]) in (
        coordinator_client.get(page + "?compare=1862").content.decode()
    )
    url = reverse("networks:share_comparison", args=[karlskoga.pk, indicator.pk])
    response = coordinator_client.post(url + "?compare=1862&compare=9999", {"network": network.pk})
    assert response.status_code == 302
    shared = SharedItem.objects.get(kind="comparison")
    assert shared.comparison.compare == ["1862"]  # codes not offered on the page are dropped
    response = coordinator_client.get(shared.get_absolute_url())
    assert degerfors.name in response.content.decode()
