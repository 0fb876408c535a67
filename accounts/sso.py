"""Single sign-on with OpenID Connect: several providers, each found by discovery (Authlib).

The sign-in page offers one button per provider in use (`OidcProvider`). The authorisation
code flow runs with PKCE, a state and a nonce; each provider has its own redirect URI, so an
answer is only ever checked against the provider it was asked of. `accounts.oidc` checks the
ID token, `accounts.sso_identity` decides whom it names. Every refusal goes to the security log
with its reason and never with a token.
"""

import requests
from authlib.integrations.base_client import OAuthError
from django.contrib import messages
from django.contrib.auth import BACKEND_SESSION_KEY, login, logout
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import SuspiciousOperation
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from joserfc.errors import JoseError

from operations.security import record

from . import oidc
from .models import OidcProvider
from .sso_identity import sign_in

BACKEND_PATH = "accounts.sso.SsoBackend"
# The ID token (for the provider's sign-out) and which provider gave it, for this session.
ID_TOKEN_SESSION_KEY = "oidc_id_token"
PROVIDER_SESSION_KEY = "oidc_provider"
NEXT_SESSION_KEY = "oidc_next"

# What a provider's broken, forged or unreachable answer raises on the way to a user.
REFUSALS = (
    SuspiciousOperation,
    OAuthError,
    JoseError,
    oidc.ProviderMisconfigured,
    requests.RequestException,
    KeyError,
    ValueError,
)


class SsoBackend(ModelBackend):
    """Names the sessions that single sign-on started; it authenticates no password."""

    def authenticate(self, request, **kwargs):
        return None


def active_providers():
    return OidcProvider.objects.filter(is_active=True)


def _provider(slug):
    return get_object_or_404(active_providers(), slug=slug)


def _callback_url(request, provider):
    return request.build_absolute_uri(reverse("accounts:sso_callback", args=[provider.slug]))


@require_GET
@never_cache
def start(request, slug):
    """Sends the browser to the provider, with a fresh state, nonce and PKCE challenge."""
    provider = _provider(slug)
    request.session.pop(NEXT_SESSION_KEY, None)  # left by a sign-in begun and not finished
    next_url = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        request.session[NEXT_SESSION_KEY] = next_url
    try:
        client = oidc.client_for(provider)
        return client.authorize_redirect(request, _callback_url(request, provider))
    except REFUSALS as error:
        return _refused(request, provider, "provider_unreachable", error)


@require_GET
@never_cache
def callback(request, slug):
    """The provider sends the browser back here with a code, exchanged for checked tokens."""
    provider = _provider(slug)
    if request.GET.get("error"):
        # The state is spent all the same, so the answer cannot be replayed.
        oidc.spend_state(provider, request)
        return _refused(request, provider, "provider_error", str(request.GET["error"])[:100])
    try:
        client = oidc.client_for(provider)
        token, claims = oidc.id_token_claims(client, request)
        user = sign_in(
            provider,
            claims,
            request=request,
            more_claims=lambda: _userinfo(client, token, claims),
        )
    except REFUSALS as error:
        return _refused(request, provider, "invalid_response", error)
    next_url = request.session.pop(NEXT_SESSION_KEY, None)
    login(request, user, backend=BACKEND_PATH)
    request.session[PROVIDER_SESSION_KEY] = provider.pk
    if oidc.end_session_endpoint(provider):
        request.session[ID_TOKEN_SESSION_KEY] = token["id_token"]
    return HttpResponseRedirect(next_url or resolve_url("home:start"))


def _userinfo(client, token, claims):
    if not client.server_metadata.get("userinfo_endpoint"):
        return {}
    info = dict(client.userinfo(token=token))
    if info.get("sub") != claims["sub"]:
        raise SuspiciousOperation("userinfo names another subject")
    return info


def _refused(request, provider, reason, error):
    detail = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    record(
        "sso_login_failed",
        request=request,
        provider=provider.slug,
        reason=reason,
        detail=str(detail)[:200],
    )
    messages.error(
        request,
        _(
            "Signing in with %(provider)s did not work. If it goes on, ask your organisation "
            "admin to link your account."
        )
        % {"provider": provider.name},
    )
    return HttpResponseRedirect(reverse("accounts:login"))


def logout_url(request) -> str:
    """Where the browser goes after signing out.

    A person who signed in through a provider that offers RP-initiated logout is sent to its
    end-session endpoint, with this session's ID token as the hint and Barnrätt's home page to
    come back to: signing out of Barnrätt then signs them out of the municipality's account
    too, on a shared computer as well. Everyone else goes to the home page.
    """
    home = resolve_url("home:home")
    if request.session.get(BACKEND_SESSION_KEY) != BACKEND_PATH:
        return home
    provider = active_providers().filter(pk=request.session.get(PROVIDER_SESSION_KEY)).first()
    endpoint = oidc.end_session_endpoint(provider) if provider else ""
    if not endpoint:
        return home
    client = oidc.client_for(provider)
    id_token = request.session.get(ID_TOKEN_SESSION_KEY)
    result = client.create_logout_url(
        post_logout_redirect_uri=request.build_absolute_uri(home),
        id_token_hint=id_token,
        client_id=provider.client_id,
    )
    return result["url"]


@require_POST
@never_cache
def logout_view(request):
    """Signs out (POST only, with the CSRF token), then on to the provider or home."""
    where = logout_url(request)
    logout(request)
    return HttpResponseRedirect(where)
