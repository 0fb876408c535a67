"""What the networks app adds to the apps below it, registered from `NetworksConfig.ready()`.

`organisations`, `planning`, `knowledge` and `assessments` never import `networks`
(decision 0028); they ask `core.tenancy` and `core.panels`, which this module fills in.
"""

from django.db.models import Q

from core import panels
from core.tenancy import register_derived_ids, register_visibility
from knowledge.models import Example
from organisations.access import can
from organisations.models import Organisation

from .models import (
    MEMBER_NETWORK_IDS,
    Network,
    NetworkMeeting,
    member_networks,
    shared_example_ids,
)
from .views.sharing import template_sharing


def network_peer_ids(organisation_ids) -> list[int]:
    """Organisations that share a network with any of `organisation_ids`: the convener, the
    member organisations and the organisations whose bodies are members. One query, memoised
    for the request."""
    memo = getattr(organisation_ids, "memo", {})  # core.tenancy.OrganisationIds
    if "network_peer_ids" not in memo:
        members = Network.member_organisations.through.objects
        bodies = Network.member_bodies.through.objects
        networks = member_networks(organisation_ids).values("pk")
        peers = Organisation.objects.filter(
            Q(pk__in=Network.objects.filter(pk__in=networks).values("organisation_id"))
            | Q(pk__in=members.filter(network_id__in=networks).values("organisation_id"))
            | Q(pk__in=bodies.filter(network_id__in=networks).values("body__organisation_id"))
        ).exclude(pk__in=organisation_ids)
        memo["network_peer_ids"] = sorted(peers.values_list("pk", flat=True))
    return memo["network_peer_ids"]


def example_visibility(organisation_ids) -> Q:
    """Network examples of organisations that share a network with the user's, and examples
    shared on purpose with one of the user's networks (`SharedItem`)."""
    return Q(
        visibility=Example.Visibility.NETWORK,
        organisation_id__in=network_peer_ids(organisation_ids),
    ) | Q(pk__in=shared_example_ids(organisation_ids))


def organisation_networks(user, organisation) -> dict:
    """The "Networks" section of an organisation's page: what it convenes or is a member of."""
    members = Network.member_organisations.through.objects.filter(organisation=organisation)
    networks = Network.objects.visible_to(user).filter(
        Q(organisation=organisation) | Q(pk__in=members.values("network_id"))
    )
    return {
        "organisation": organisation,
        "networks": networks,
        "can_add_network": can(user, "add", "network", organisation.pk),
    }


def case_meetings(user, case) -> dict | None:
    """The network meetings that prepare a case, on the case's page: only the meetings the
    user may see, and no section at all when there are none."""
    meetings = list(
        NetworkMeeting.objects.visible_to(user)
        .filter(cases=case)
        .select_related("network")
        .order_by("held_on", "pk")
    )
    return {"meetings": meetings} if meetings else None


def register() -> None:
    register_derived_ids(MEMBER_NETWORK_IDS, member_networks)
    register_visibility("knowledge.example", example_visibility)
    panels.register(
        "organisations.organisation_detail",
        "networks/panels/organisation_networks.html",
        organisation_networks,
    )
    panels.register(
        "assessments.template_detail", "networks/panels/template_sharing.html", template_sharing
    )
    panels.register("assessments.case_detail", "networks/panels/case_meetings.html", case_meetings)
