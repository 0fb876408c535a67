"""Small helpers the network views share."""

from organisations.access import can, get_for_user
from organisations.models import Network, Organisation


def network_for(request, pk) -> Network:
    """The network if the user's organisation convenes it or is a member (else 404)."""
    return get_for_user(Network.objects.select_related("organisation"), request.user, pk=pk)


def acting_organisations(user, network, action: str, object_type: str) -> list[Organisation]:
    """The user's organisations that are members of the network and in which the user may do
    `action` on `object_type`: where they may share, or name contact persons, from."""
    member_ids = network.member_organisation_ids()
    if user.is_superuser:
        ids = member_ids
    else:
        from organisations.access import user_access

        ids = member_ids & user_access(user).organisation_ids
    ids = [pk for pk in ids if can(user, action, object_type, pk)]
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))
