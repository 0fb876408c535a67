"""What a user may see and do, worked out once per request from their memberships."""

from dataclasses import dataclass, field
from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.db.models import CharField, IntegerField, Value
from django.shortcuts import get_object_or_404
from django.urls import reverse

from core.tenancy import OrganisationIds, derived_id_sources

from .models import Body, Membership, Organisation
from .permissions import allowed_roles


@dataclass(frozen=True)
class UserAccess:
    """A user's memberships, condensed: where they work and which roles they hold there."""

    organisation_ids: frozenset[int] = frozenset()
    organisation_roles: dict[int, frozenset[str]] = field(default_factory=dict)
    body_roles: dict[int, frozenset[str]] = field(default_factory=dict)
    # Read with the memberships, for the page header and the "new …" buttons.
    names: dict[int, str] = field(default_factory=dict, compare=False)
    # Read in the same statement as the memberships, when loaded from the database (None:
    # not known; the models work them out when asked).
    joint_body_ids: tuple[int, ...] | None = None
    # The sets other apps derive from the organisations (`core.tenancy.register_derived_ids`),
    # by name: the networks the organisations belong to.
    derived_ids: dict[str, tuple[int, ...]] | None = None

    @cached_property
    def sorted_organisation_ids(self):
        ids = OrganisationIds(self.organisation_ids)
        # The memo `Body.joint_body_ids` and `core.tenancy.derived_ids` read first.
        if self.joint_body_ids is not None:
            ids.memo["joint_body_ids"] = list(self.joint_body_ids)
        for name, values in (self.derived_ids or {}).items():
            ids.memo[name] = list(values)
        return ids

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
    organisation_roles: dict[int, set[str]] = {}
    body_roles: dict[int, set[str]] = {}
    names, joint_body_ids, derived = {}, set(), {}
    for kind, organisation_id, body_id, role, name in _access_rows(user.pk):
        if kind == "joint":
            joint_body_ids.add(body_id)
        elif kind in ("member", "served"):
            names[organisation_id] = name
            if kind == "served":
                continue
            if body_id is None:
                organisation_roles.setdefault(organisation_id, set()).add(role)
            else:
                body_roles.setdefault(body_id, set()).add(role)
        else:  # a set registered with core.tenancy.register_derived_ids
            derived.setdefault(kind, set()).add(organisation_id)
    return UserAccess(
        organisation_ids=frozenset(names),
        names=names,
        organisation_roles={key: frozenset(value) for key, value in organisation_roles.items()},
        body_roles={key: frozenset(value) for key, value in body_roles.items()},
        joint_body_ids=tuple(sorted(joint_body_ids)),
        derived_ids={name: tuple(sorted(derived.get(name, ()))) for name in derived_id_sources()},
    )


def _access_rows(user_id) -> list[tuple]:
    """Everything a request needs to know about where the user works, in one statement
    (decision 0023): the memberships; the organisations the user's joint bodies serve; the
    joint bodies hosted elsewhere that serve the user's organisations (`Body.joint_body_ids`);
    and each set of ids another app derives from those organisations
    (`core.tenancy.register_derived_ids`: the networks they belong to). The parts are ORM
    querysets joined by UNION ALL; each row is (kind, organisation id or derived id, body id,
    role, organisation name)."""
    memberships = Membership.objects.filter(user_id=user_id).order_by()
    # The organisations the user works in: those of their memberships and those their joint
    # bodies serve. Every later part is derived from this subquery exactly as the models'
    # own filters derive it from a list (tests/test_access_query.py compares them).
    served = Body.served_organisations.through.objects.filter(body__memberships__user_id=user_id)
    orgs = memberships.values("organisation_id").union(served.values("organisation_id"), all=True)
    # Joint bodies hosted elsewhere that serve one of those organisations (a body serving two
    # of them comes twice; the caller keeps a set).
    joint = Body.served_organisations.through.objects.filter(organisation_id__in=orgs).exclude(
        body__organisation_id__in=orgs
    )
    parts = [
        memberships.values_list(
            _text("member"), "organisation_id", "body_id", "role", "organisation__name"
        ),
        Organisation.objects.filter(pk__in=served.values("organisation_id"))
        .order_by()
        .values_list(_text("served"), "pk", _NO_ID, _NO_TEXT, "name"),
        joint.values_list(_text("joint"), _NO_ID, "body_id", _NO_TEXT, _NO_TEXT),
    ]
    for name, queryset_for in derived_id_sources().items():
        parts.append(
            queryset_for(orgs).order_by().values_list(_text(name), "pk", _NO_ID, _NO_TEXT, _NO_TEXT)
        )
    return list(parts[0].union(*parts[1:], all=True))


def _text(value: str) -> Value:
    return Value(value, output_field=CharField())


# Typed NULLs, so that both databases agree on each column's type across the UNION.
_NO_ID = Value(None, output_field=IntegerField())
_NO_TEXT = Value(None, output_field=CharField())


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

    def get_absolute_url(self):
        return reverse("organisations:detail", args=[self.pk])


def bodies_where_allowed(user, action: str, object_type: str, organisation_id) -> list[int]:
    """The organisation's bodies on which the user's roles on a body allow `action`: the team's
    coordinator holds a role on the team, not in the host organisation, and still records the
    team's plan and agreement there (the record then names the body)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    allowed = allowed_roles(object_type, action)
    candidates = [pk for pk, roles in user_access(user).body_roles.items() if roles & allowed]
    if not candidates:
        return []
    from .models import Body

    hosted = Body.objects.filter(organisation_id=organisation_id, pk__in=candidates)
    return sorted(hosted.values_list("pk", flat=True))


def creatable_through_bodies(user, object_type: str) -> list[NamedOrganisation]:
    """Organisations where the user may add `object_type` only on a body they hold a role on."""
    allowed = allowed_roles(object_type, "add")
    candidates = [pk for pk, roles in user_access(user).body_roles.items() if roles & allowed]
    if not candidates:
        return []
    from .models import Body

    rows = (
        Body.objects.filter(pk__in=candidates)
        .values_list("organisation_id", "organisation__name")
        .distinct()
        .order_by("organisation__name")
    )
    return [
        NamedOrganisation(pk, name) for pk, name in rows if not can(user, "add", object_type, pk)
    ]


def allowed_bodies(user, action: str, object_type: str, organisation_id) -> list[int] | None:
    """None when the user may `action` an `object_type` anywhere in the organisation; otherwise
    the organisation's bodies on which a role of theirs allows it (a team's coordinator: the
    record must then belong to one of them), and 403 when there are none."""
    if can(user, action, object_type, organisation_id):
        return None
    bodies = bodies_where_allowed(user, action, object_type, organisation_id)
    if not bodies:
        raise PermissionDenied
    return bodies


def creatable_anywhere(user, object_type: str) -> list[NamedOrganisation]:
    """Where the user may add an `object_type`: by a role in the organisation, or by a role on
    one of its bodies (for the "New … in …" buttons of every list)."""
    return creatable_organisations(user, object_type) + creatable_through_bodies(user, object_type)


def creatable_organisations(user, object_type: str) -> list[NamedOrganisation]:
    """Where the user may add an `object_type` (for the "New … in …" buttons of a list), from
    the access the page header has loaded anyway: no query for most users."""
    if user.is_superuser:
        names = dict(Organisation.objects.order_by("name").values_list("pk", "name"))
    else:
        names = user_access(user).organisation_names
    return [
        NamedOrganisation(pk, name)
        for pk, name in names.items()
        if can(user, "add", object_type, pk)
    ]


def record_actions(user, obj, *history_scope) -> dict:
    """What a record's page offers the user, as template context: changing it, deleting it
    and reading its history (in `history_scope`, by default the record's own scope)."""
    return {
        "can_change": can_on(user, "change", obj),
        "can_delete": can_on(user, "delete", obj),
        "can_see_history": can(
            user, "view", "auditentry", *(history_scope or obj.permission_scope())
        ),
    }
