"""What a user may see and do, worked out once per request from their memberships."""

from dataclasses import dataclass, field
from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from .permissions import allowed_roles


@dataclass(frozen=True)
class UserAccess:
    """A user's memberships, condensed: where they work and which roles they hold there."""

    organisation_ids: frozenset[int] = frozenset()
    organisation_roles: dict[int, frozenset[str]] = field(default_factory=dict)
    body_roles: dict[int, frozenset[str]] = field(default_factory=dict)
    # Read with the memberships, for the page header and the "new …" buttons.
    names: dict[int, str] = field(default_factory=dict, compare=False)

    @cached_property
    def sorted_organisation_ids(self):
        from core.tenancy import OrganisationIds

        return OrganisationIds(self.organisation_ids)

    @property
    def organisation_names(self) -> dict[int, str]:
        """Names of the organisations the user works in, by id, in name order."""
        return dict(sorted(self.names.items(), key=lambda item: (item[1], item[0])))

    def roles_in(self, organisation_id, body_id=None) -> frozenset[str]:
        roles = self.organisation_roles.get(organisation_id, frozenset())
        if body_id is not None:
            roles |= self.body_roles.get(body_id, frozenset())
        return roles

    @property
    def all_roles(self) -> frozenset[str]:
        roles = set()
        for values in (*self.organisation_roles.values(), *self.body_roles.values()):
            roles |= values
        return frozenset(roles)


NO_ACCESS = UserAccess()


def _load_access(user) -> UserAccess:
    from .models import Body, Membership

    rows = list(
        Membership.objects.filter(user=user)
        .order_by()
        .values_list("organisation_id", "body_id", "role", "organisation__name")
    )
    organisation_roles: dict[int, set[str]] = {}
    body_roles: dict[int, set[str]] = {}
    names = {}
    for organisation_id, body_id, role, name in rows:
        names[organisation_id] = name
        if body_id is None:
            organisation_roles.setdefault(organisation_id, set()).add(role)
        else:
            body_roles.setdefault(body_id, set()).add(role)
    if body_roles:
        # A member of a joint body also sees the organisations it serves.
        served = Body.served_organisations.through.objects.filter(body_id__in=body_roles)
        names.update(served.values_list("organisation_id", "organisation__name"))
    return UserAccess(
        organisation_ids=frozenset(names),
        names=names,
        organisation_roles={key: frozenset(value) for key, value in organisation_roles.items()},
        body_roles={key: frozenset(value) for key, value in body_roles.items()},
    )


def user_access(user) -> UserAccess:
    """The user's access, cached on the user object for the rest of the request."""
    if not getattr(user, "is_authenticated", False):
        return NO_ACCESS
    cached = getattr(user, "_barnratt_access", None)
    if cached is None:
        cached = _load_access(user)
        user._barnratt_access = cached
    return cached


def forget_access(user) -> None:
    """Drop the cached access after the user's memberships changed."""
    user.__dict__.pop("_barnratt_access", None)


def can(user, action: str, object_type: str, organisation_id, body_id=None) -> bool:
    """Whether the user may do `action` on an object of `object_type` in that scope."""
    if not getattr(user, "is_authenticated", False):
        return False
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    roles = user_access(user).roles_in(organisation_id, body_id)
    return bool(roles & allowed_roles(object_type, action))


def can_on(user, action: str, obj) -> bool:
    """`can` for an existing object that knows its own permission scope."""
    organisation_id, body_id = obj.permission_scope()
    return can(user, action, obj._meta.model_name, organisation_id, body_id)


def get_for_user(queryset, user, action: str = "view", **lookup):
    """The one way views fetch an object: 404 unless the user may see it, 403 unless the
    user may do `action` on it."""
    obj = get_object_or_404(queryset.visible_to(user), **lookup)
    if action != "view" and not can_on(user, action, obj):
        raise PermissionDenied
    return obj


def require(user, action: str, object_type: str, organisation_id, body_id=None) -> None:
    """Raise 403 unless the user may do `action` (used before creating an object)."""
    if not can(user, action, object_type, organisation_id, body_id):
        raise PermissionDenied


@dataclass(frozen=True)
class NamedOrganisation:
    pk: int
    name: str

    def __str__(self):
        return self.name


def creatable_organisations(user, object_type: str) -> list[NamedOrganisation]:
    """Where the user may add an `object_type` (for the "New … in …" buttons of a list), from
    the access the page header has loaded anyway: no query for most users."""
    if user.is_superuser:
        from .models import Organisation

        names = dict(Organisation.objects.order_by("name").values_list("pk", "name"))
    else:
        names = user_access(user).organisation_names
    return [
        NamedOrganisation(pk, name)
        for pk, name in names.items()
        if can(user, "add", object_type, pk)
    ]
