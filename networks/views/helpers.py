"""Small helpers the network views share."""

from organisations.access import can, get_for_user, user_access
from organisations.models import Organisation

from ..models import Network


def network_for(request, pk, action="view") -> Network:
    """The network if the user's organisation convenes it or is a member (else 404), and the
    user may do `action` on it (else 403)."""
    return get_for_user(
        Network.objects.select_related("organisation", "convened_by"), request.user, action, pk=pk
    )


def acting_organisation_ids(user, member_ids, action: str, object_type: str) -> list[int]:
    """Of the network's members, the user's organisations in which the user may do `action` on
    `object_type`: where they may share, or name contact persons, from. No query."""
    ids = member_ids if user.is_superuser else member_ids & user_access(user).organisation_ids
    return sorted(pk for pk in ids if can(user, action, object_type, pk))


def acting_organisations(user, network, action: str, object_type: str) -> list[Organisation]:
    ids = acting_organisation_ids(user, network.member_organisation_ids(), action, object_type)
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))
