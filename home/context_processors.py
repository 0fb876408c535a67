from django.conf import settings
from django.utils.functional import SimpleLazyObject

from organisations.access import user_access
from organisations.roles import Role


def _header(user):

    access = user_access(user)
    labels = dict(Role.choices)
    return {
        "organisations": list(access.organisation_names.values()),
        "roles": sorted(str(labels[role]) for role in access.all_roles),
    }


def barnratt(request):
    """The signed-in user's organisations and roles, shown in every page header."""
    user = getattr(request, "user", None)
    header = SimpleLazyObject(lambda: _header(user)) if user and user.is_authenticated else None
    return {"user_header": header, "EMAIL_CONFIGURED": settings.EMAIL_CONFIGURED}
