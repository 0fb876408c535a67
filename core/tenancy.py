"""The one mechanism that narrows querysets to what a user may see.

Every model that holds tenant data uses `TenantQuerySet` and says, in `visibility_filter`, how
its rows relate to organisations. Views, exports and the API call `.visible_to(user)` and never
filter by organisation by hand.
"""

from django.db import models
from django.db.models import Q


def visible_organisation_ids(user) -> frozenset[int]:
    """Organisations the user works in, from memberships (cached on the user per request)."""
    from organisations.access import user_access

    return user_access(user).organisation_ids


class TenantQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_superuser:
            return self.all()
        organisation_ids = visible_organisation_ids(user)
        if not organisation_ids:
            return self.none()
        return self.filter(self.model.visibility_filter(sorted(organisation_ids)))


def owned_by_any(organisation_ids, field: str = "organisation") -> Q:
    """Rows whose owning organisation is one of `organisation_ids`."""
    return Q(**{f"{field}__in": organisation_ids})
