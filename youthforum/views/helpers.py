"""Small helpers the youth-forum views share."""

from django.core.exceptions import PermissionDenied

from organisations.access import can, get_for_user

from ..models import Forum


def forum_for(request, pk, action="view", object_type="forum") -> Forum:
    """The forum if the user sees it (else 404) and may do `action` on `object_type` in its
    scope (else 403)."""
    forum = get_for_user(Forum.objects.select_related("organisation", "body"), request.user, pk=pk)
    checked = (action, object_type) != ("view", "forum")  # seeing it is checked above
    if checked and not can(request.user, action, object_type, *forum.permission_scope()):
        raise PermissionDenied
    return forum
