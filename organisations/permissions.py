"""Which roles may do what, as one table. `docs/roles-and-permissions.md` shows the same table
and a test keeps the two in step."""

from .roles import ALL_ROLES, Role

MANAGERS = frozenset({Role.ORG_ADMIN, Role.COORDINATOR})

# (object type, action) -> roles allowed. Object types are model names.
PERMISSIONS: dict[tuple[str, str], frozenset[str]] = {
    ("organisation", "view"): ALL_ROLES,
    ("organisation", "change"): frozenset({Role.ORG_ADMIN}),
    ("populationfact", "add"): MANAGERS,
    ("populationfact", "delete"): MANAGERS,
    ("body", "view"): ALL_ROLES,
    ("body", "add"): MANAGERS,
    ("body", "change"): MANAGERS,
    ("body", "delete"): MANAGERS,
    ("network", "view"): ALL_ROLES,
    ("network", "add"): MANAGERS,
    ("network", "change"): MANAGERS,
    ("network", "delete"): MANAGERS,
    ("membership", "view"): MANAGERS,
    ("membership", "add"): MANAGERS,
    ("membership", "change"): MANAGERS,
    ("membership", "delete"): MANAGERS,
    ("auditentry", "view"): MANAGERS,
}


def allowed_roles(object_type: str, action: str) -> frozenset[str]:
    return PERMISSIONS.get((object_type, action), frozenset())
