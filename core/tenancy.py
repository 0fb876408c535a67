"""The one mechanism that narrows querysets to what a user may see.

Every model that holds tenant data uses `TenantQuerySet` and says, in `visibility_filter`, how
its rows relate to organisations. Views, exports and the API call `.visible_to(user)` and never
filter by organisation by hand.
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import Q


class OrganisationIds(tuple):
    """The sorted ids of the organisations a user works in, with a memo for what models derive
    from them (such as the joint bodies serving them) during the same request."""

    def __new__(cls, ids):
        instance = super().__new__(cls, sorted(ids))
        instance.memo = {}
        return instance


# Sets of ids that apps above `organisations` derive from a user's organisations (the networks
# they belong to), so that apps below can filter by them without importing the app that knows
# how. name -> function(organisation_ids) -> a queryset whose primary keys are the ids, where
# `organisation_ids` is a list or a subquery of organisation ids.
_DERIVED_IDS: dict[str, Callable] = {}
# Extra visibility for a model, added by an app above it: "app_label.model" -> function
# (organisation_ids) -> Q.
_VISIBILITY: dict[str, list[Callable]] = {}


def register_derived_ids(name: str, queryset_for: Callable) -> None:
    """Let `derived_ids(..., name)` (and the one statement of `organisations.access`) read a
    set of ids that another app defines."""
    _DERIVED_IDS[name] = queryset_for


def derived_id_sources() -> dict[str, Callable]:
    return dict(_DERIVED_IDS)


def derived_ids(organisation_ids, name: str) -> list[int]:
    """The ids registered as `name` for these organisations, memoised for the request (the
    access statement usually has them already). Empty when no app registered `name`."""
    memo = getattr(organisation_ids, "memo", {})  # OrganisationIds
    if name not in memo:
        source = _DERIVED_IDS.get(name)
        rows = source(list(organisation_ids)).values_list("pk", flat=True) if source else []
        memo[name] = sorted(set(rows))
    return memo[name]


def register_visibility(label: str, extra_filter: Callable) -> None:
    """Let rows of the model `label` be seen through another app too (the knowledge bank's
    examples shared with a network). Idempotent."""
    filters = _VISIBILITY.setdefault(label, [])
    if extra_filter not in filters:
        filters.append(extra_filter)


def extra_visibility(model, organisation_ids) -> Q:
    """The OR of what other apps registered for `model`: an always-false Q when nothing."""
    condition = Q(pk__in=[])
    for extra_filter in _VISIBILITY.get(model._meta.label_lower, []):
        condition |= extra_filter(organisation_ids)
    return condition


# How a user's organisations are found: `organisations` knows (memberships) and registers it when
# it is ready (OrganisationsConfig.ready), so this lower layer needs no import of it.
_ORGANISATION_IDS: list[Callable] = []


def register_organisation_ids(organisation_ids_of: Callable) -> None:
    """Set the function user -> OrganisationIds that `visible_to` narrows by."""
    _ORGANISATION_IDS[:] = [organisation_ids_of]


def visible_organisation_ids(user) -> OrganisationIds:
    """Organisations the user works in, from memberships (cached on the user per request)."""
    if not _ORGANISATION_IDS:
        raise ImproperlyConfigured("No app registered how a user's organisations are found.")
    return _ORGANISATION_IDS[0](user)


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
