"""Small helpers the planning views share."""

from organisations.access import get_for_user, require

from ..models import ActionPlan


def plan_for(request, pk, action="view", object_type="actionplan") -> ActionPlan:
    """The plan if the user sees it (else 404) and may do `action` on `object_type` in its
    scope (else 403)."""
    plan = get_for_user(
        ActionPlan.objects.select_related("organisation", "body", "network"), request.user, pk=pk
    )
    if (action, object_type) != ("view", "actionplan"):
        require(request.user, action, object_type, *plan.permission_scope())
    return plan
