"""Single sign-on with OpenID Connect (authorisation code flow with PKCE), on mozilla-django-oidc.

Off unless settings.OIDC_ENABLED (every endpoint, the issuer and the client are configured).
The ID token must be signed (RS256) by a key from the provider's JWKS, name this client as its
audience and the configured issuer as its issuer, be unexpired and carry the nonce this session
sent; the state must be one this session started. The identity (issuer, subject) is then looked
up among linked identities; an e-mail match links a new one only if OIDC_LINK_BY_EMAIL is set and
the provider says the address is verified; a new account (with no roles) is made only if
OIDC_CREATE_USERS is set. Everything else is refused and goes to the security log.
"""

from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
    OIDCLogoutView,
)

from operations.security import record

from .models import SsoIdentity

BACKEND_PATH = "accounts.sso.SsoBackend"
# Where mozilla-django-oidc keeps the ID token (OIDC_STORE_ID_TOKEN).
ID_TOKEN_SESSION_KEY = "oidc_id_token"


class SsoRefused(SuspiciousOperation):
    """The provider's answer was valid but names no one who may sign in here."""


class SsoBackend(OIDCAuthenticationBackend):
    def authenticate(self, request, **kwargs):
        if not settings.OIDC_ENABLED or "nonce" not in kwargs:
            return None
        return super().authenticate(request, **kwargs)

    def _verify_jws(self, payload, key):
        header = jwt.get_unverified_header(payload)
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation("unexpected signing algorithm")
        try:
            return jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=settings.OIDC_OP_ISSUER,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
                leeway=60,
            )
        except jwt.PyJWTError as error:
            raise SuspiciousOperation(f"ID token refused: {type(error).__name__}") from error

    def get_userinfo(self, access_token, id_token, payload):
        if not self.OIDC_OP_USER_ENDPOINT:
            return dict(payload)
        info = super().get_userinfo(access_token, id_token, payload)
        if info.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("userinfo names another subject")
        return dict(payload) | info

    def store_tokens(self, access_token, id_token):
        # The ID token is kept (in the session) only to name the session when signing out at
        # the provider; the access token is never kept.
        if settings.OIDC_OP_END_SESSION_ENDPOINT:
            self.request.session[ID_TOKEN_SESSION_KEY] = id_token

    def verify_claims(self, claims):
        return bool(claims.get("sub"))

    def get_or_create_user(self, access_token, id_token, payload):
        try:
            return self._get_or_create_user(access_token, id_token, payload)
        except SsoRefused as refusal:
            self.request.session.pop(ID_TOKEN_SESSION_KEY, None)
            record("sso_login_failed", request=self.request, reason=str(refusal))
            self.request._sso_refusal_logged = True
            raise

    def _get_or_create_user(self, access_token, id_token, payload):
        issuer, subject = payload["iss"], payload["sub"]
        identity = SsoIdentity.objects.select_related("user").filter(issuer=issuer, subject=subject)
        identity = identity.first()
        if identity is not None:
            user = identity.user
            how = "linked"
        else:
            claims = self.get_userinfo(access_token, id_token, payload)
            with transaction.atomic():
                user, how = self._match_or_create(claims)
                # Two sign-ins at once for a new identity: the first link wins.
                identity, _created = SsoIdentity.objects.get_or_create(
                    issuer=issuer, subject=subject, defaults={"user": user}
                )
            user = identity.user
        if not user.is_active:
            raise SsoRefused("account disabled")
        identity.last_login = timezone.now()
        identity.save(update_fields=["last_login"])
        record("sso_login", user=user, request=self.request, issuer=issuer, matched_by=how)
        return user

    def _match_or_create(self, claims):
        user_model = get_user_model()
        email = str(claims.get("email") or "").strip()
        verified = claims.get("email_verified") is True or claims.get("xms_edov") is True
        if settings.OIDC_LINK_BY_EMAIL and email and verified:
            matches = list(user_model.objects.filter(email__iexact=email)[:2])
            if len(matches) == 1:
                return matches[0], "email"
            if len(matches) > 1:
                raise SsoRefused("several accounts have this e-mail address")
        if settings.OIDC_CREATE_USERS:
            user = user_model.objects.create_user(
                username=f"sso-{get_random_string(12).lower()}",
                email=email if verified else "",
                first_name=str(claims.get("given_name") or "")[:150],
                last_name=str(claims.get("family_name") or "")[:150],
            )
            return user, "created"
        raise SsoRefused("no account is linked to this identity")

    def get_user(self, user_id):
        user = super().get_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


class _EnabledOnly:
    def dispatch(self, request, *args, **kwargs):
        if not settings.OIDC_ENABLED:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class SsoStartView(_EnabledOnly, OIDCAuthenticationRequestView):
    """Sends the browser to the provider, with a fresh state, nonce and PKCE challenge."""


class SsoCallbackView(_EnabledOnly, OIDCAuthenticationCallbackView):
    """The provider sends the browser back here with a code, which is exchanged for tokens."""

    @property
    def failure_url(self):
        return reverse("accounts:login")

    def get(self, request):
        if request.GET.get("error"):
            self._refused(request, "provider_error", str(request.GET["error"])[:100])
            return super().get(request)
        try:
            response = super().get(request)
        except (SuspiciousOperation, requests.RequestException, KeyError, ValueError) as error:
            # The messages name what failed (signature, audience, nonce…), never a token.
            detail = str(error) if isinstance(error, SuspiciousOperation) else ""
            self._refused(request, "invalid_response", f"{type(error).__name__}: {detail}"[:200])
            return HttpResponseRedirect(self.failure_url)
        if not request.user.is_authenticated:
            logged = getattr(request, "_sso_refusal_logged", False)
            self._refused(request, "no_user", "", log=not logged)
        return response

    def login_failure(self):
        return HttpResponseRedirect(self.failure_url)

    @staticmethod
    def _refused(request, reason, detail, log=True):
        if log:
            record("sso_login_failed", request=request, reason=reason, detail=detail)
        messages.error(
            request,
            _(
                "Signing in with the municipality's account did not work. If it goes on, ask "
                "your organisation admin to link your account."
            ),
        )


def logout_url(request):
    """Where the browser goes after signing out (settings.OIDC_OP_LOGOUT_URL_METHOD).

    A person who signed in through the provider is sent to the provider's end-session endpoint
    (OpenID Connect RP-initiated logout) when one is configured, with the ID token of this
    session as the hint and Barnrätt's home page to come back to: signing out of Barnrätt then
    signs them out of the municipality's account too, on a shared computer as well. Everyone
    else, and everyone when no endpoint is configured, goes to the home page as before.
    """
    home = resolve_url(settings.LOGOUT_REDIRECT_URL)
    endpoint = settings.OIDC_OP_END_SESSION_ENDPOINT
    signed_in_with_sso = request.session.get(BACKEND_SESSION_KEY) == BACKEND_PATH
    if not (settings.OIDC_ENABLED and endpoint and signed_in_with_sso):
        return home
    params = {
        "client_id": settings.OIDC_RP_CLIENT_ID,
        "post_logout_redirect_uri": request.build_absolute_uri(home),
    }
    id_token = request.session.get(ID_TOKEN_SESSION_KEY)
    if id_token:
        params["id_token_hint"] = id_token
    separator = "&" if "?" in endpoint else "?"
    return f"{endpoint}{separator}{urlencode(params)}"


@method_decorator(never_cache, name="dispatch")
class LogoutView(OIDCLogoutView):
    """Signs out (POST only, with the CSRF token), then on to logout_url: the provider or home."""

    http_method_names = ["post"]
