"""Start-page items: policy documents whose next revision is near or past."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.start import WaitingItem, waiting_provider
from organisations.access import user_access
from organisations.permissions import allowed_roles

from .models import Policy


def policies_due(user):
    """Documents the user may change whose next revision is within the warning time or past."""
    roles = allowed_roles("policy", "change")
    policies = Policy.objects.visible_to(user).due_for_revision()
    if not user.is_superuser:
        access = user_access(user)
        mine = [pk for pk in access.organisation_ids if access.roles_in(pk) & roles]
        policies = policies.filter(organisation_id__in=mine)
    return policies.order_by("next_revision", "id")


@waiting_provider
def policies_due_for_revision(user):
    today = timezone.localdate()
    return [
        WaitingItem(
            label=_("Revise %(title)s (next revision %(date)s)")
            % {"title": title, "date": next_revision.isoformat()},
            url=reverse("planning:policy_detail", args=[pk]),
            overdue=next_revision < today,
        )
        for pk, title, next_revision in policies_due(user).values_list(
            "pk", "title", "next_revision"
        )[:10]
    ]
