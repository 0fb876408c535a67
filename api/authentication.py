"""Token authentication per organisation: `Authorization: Token <key>` (or Bearer)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from organisations.access import UserAccess

from .models import ApiToken, hash_key


class ApiClient:
    """The caller behind a token: not a person, only an organisation."""

    is_authenticated = True
    is_active = True
    is_superuser = False
    is_staff = False
    pk = None

    def __init__(self, token: ApiToken):

        self.token = token
        self.organisation_id = token.organisation_id
        # The tenant scope reads this: a token sees its own organisation and nothing else.
        self._barnratt_access = UserAccess(organisation_ids=frozenset({token.organisation_id}))

    def __str__(self):
        return f"API: {self.token.name}"


class OrganisationTokenAuthentication(authentication.BaseAuthentication):
    keywords = ("token", "bearer")

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].decode(errors="replace").lower() not in self.keywords:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Invalid token header."))
        key = parts[1].decode(errors="replace")
        token = ApiToken.objects.filter(key_hash=hash_key(key), revoked_at=None).first()
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid or revoked token."))
        return ApiClient(token), token

    def authenticate_header(self, request):
        return "Token"
