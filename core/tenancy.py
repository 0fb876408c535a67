"""The one mechanism that narrows querysets to what a user may see.

Every model that holds tenant data uses `TenantQuerySet` and says, in `visibility_filter`, how
its rows relate to organisations. Views, exports and the API call `.visible_to(user)` and never
filter by organisation by hand.
"""

from django.db import models
from django.db.models import Q


class OrganisationIds(tuple):
    """The sorted ids of the organisations a user works in, with a memo for what models derive
    from them (such as the joint bodies serving them) during the same request."""

    def __new__(cls, ids):
        instance = super().__new__(cls, sorted(ids))
        instance.memo = {}
        return instance


def visible_organisation_ids(user) -> OrganisationIds:
    """Organisations the user works in, from memberships (cached on the user per request)."""
    from organisations.access import user_access

    return user_access(user).sorted_organisation_ids


class TenantQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_superuser:
            return self.all()
        organisation_ids = visible_organisation_ids(user)
        if not organisation_ids:
            return self.none()
        return self.filter(self.model.visibility_filter(organisation_ids))

    def visible_parts(self, user) -> list[Q]:
        """The user's visibility filter as a list of filters whose OR it is.

        Each part can be read in index order on its own, which lets a keyset page take the first
        rows of each part instead of sorting every visible row (see `core.keyset`). Use it on top
        of `visible_to`, never instead of it.
        """
        if not getattr(user, "is_authenticated", False):
            return []
        if user.is_superuser:
            return [Q()]
        organisation_ids = visible_organisation_ids(user)
        if not organisation_ids:
            return []
        return self.model.visibility_parts(organisation_ids)


def owned_by_any(organisation_ids, field: str = "organisation") -> Q:
    """Rows whose owning organisation is one of `organisation_ids`."""
    return Q(**{f"{field}__in": organisation_ids})
