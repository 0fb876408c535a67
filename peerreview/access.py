"""Who may do what with a peer review. A review involves several organisations, so each check
names the side it asks about; the roles come from the table in `organisations.permissions`.
Each condition stands on its own line so that every branch is tested."""

from networks.models import Network
from organisations.access import can, user_access


def network_organisation_ids(network) -> set[int]:
    """The network's convener and its member organisations."""
    ids = set(network.member_organisations.values_list("pk", flat=True))
    ids.add(network.organisation_id)
    return ids


def can_plan(user, network, organisation_ids=None) -> bool:
    """Coordinators of the convener or of a member organisation plan reviews in the network.
    `organisation_ids` may give the network's organisations when a list has read them."""
    if organisation_ids is None:
        organisation_ids = network_organisation_ids(network)
    return any(can(user, "add", "peerreview", pk) for pk in organisation_ids)


def networks_to_plan_in(networks, user) -> list:
    """The networks (of those given) in which the user may plan a review, in two queries."""
    networks = list(networks)
    ids = {network.pk: {network.organisation_id} for network in networks}
    members = Network.member_organisations.through.objects.filter(network_id__in=list(ids))
    for network_id, organisation_id in members.values_list("network_id", "organisation_id"):
        ids[network_id].add(organisation_id)
    return [network for network in networks if can_plan(user, network, ids[network.pk])]


def reviewing_ids(review) -> list[int]:
    return [organisation.pk for organisation in review.reviewing_organisations.all()]


def can_change_plan(user, review) -> bool:
    """The convener's and the reviewing organisations' coordinators change the plan."""
    if can(user, "change", "peerreview", review.network.organisation_id):
        return True
    return any(can(user, "change", "peerreview", pk) for pk in reviewing_ids(review))


def can_review(user, review) -> bool:
    """The reviewing side records interviews, documents, findings and recommendations: the
    reviewing organisations' coordinators, and the named reviewers."""
    if any(can(user, "review", "peerreview", pk) for pk in reviewing_ids(review)):
        return True
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if not user_access(user).organisation_ids & set(reviewing_ids(review)):
        return False
    return any(reviewer.pk == user.pk for reviewer in review.reviewers.all())


def can_answer(user, review) -> bool:
    """The reviewed organisation's coordinators answer the recommendations."""
    return can(user, "answer", "peerreview", review.organisation_id)
