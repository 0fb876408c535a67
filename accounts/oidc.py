"""Authlib clients for the configured OpenID Connect providers, and what their claims say.

One client per provider and process, made from the provider's row and its discovery document;
a client is made anew when the row changes or its discovery document is a day old. Authlib
keeps the state, nonce and PKCE verifier in the session, checks the state on the way back,
and checks the ID token: signed by a key from the provider's JWKS with an asymmetric algorithm,
this issuer, this client as audience, unexpired, and the nonce this session sent.
"""

import os
import time

import requests
from authlib.integrations.django_client import DjangoIntegration, DjangoOAuth2App
from django.core.exceptions import SuspiciousOperation

from .models import OidcProvider

TIMEOUT_SECONDS = 10
METADATA_MAX_AGE = 24 * 3600
# Public-key algorithms only: a symmetric one would make the client secret a signing key.
SIGNING_ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384")
LEEWAY_SECONDS = 60

_clients: dict[int, tuple] = {}


class ProviderMisconfigured(Exception):
    """The provider's discovery document does not fit its row (issuer, algorithms)."""


def client_secret(provider: OidcProvider) -> str:
    return provider.client_secret or os.environ.get(provider.secret_variable, "")


def _integration(provider: OidcProvider) -> DjangoIntegration:
    # The name keys the state, nonce and verifier in the session: one set per provider.
    return DjangoIntegration(f"oidc_{provider.slug}")


def spend_state(provider: OidcProvider, request) -> None:
    """Forget a pending sign-in's state, so that an answer to it cannot be replayed."""
    _integration(provider).clear_state_data(request.session, request.GET.get("state", ""))


def client_for(provider: OidcProvider) -> DjangoOAuth2App:
    """The provider's Authlib client, with its discovery document loaded and checked."""
    cached = _clients.get(provider.pk)
    if cached and cached[0] == provider.changed_at and time.time() - cached[1] < METADATA_MAX_AGE:
        return cached[2]
    client = DjangoOAuth2App(
        _integration(provider),
        f"oidc_{provider.slug}",
        client_id=provider.client_id,
        client_secret=client_secret(provider),
        server_metadata_url=provider.discovery_url,
        client_kwargs={
            "scope": provider.scopes,
            "code_challenge_method": "S256",
            "default_timeout": TIMEOUT_SECONDS,
        },
    )
    metadata = client.load_server_metadata()
    # OpenID Connect Discovery 1.0, 4.3: the document must name the issuer it was fetched for.
    if metadata.get("issuer") != provider.issuer:
        raise ProviderMisconfigured("the discovery document names another issuer")
    offered = metadata.get("id_token_signing_alg_values_supported") or ["RS256"]
    allowed = [alg for alg in offered if alg in SIGNING_ALGORITHMS]
    if not allowed:
        raise ProviderMisconfigured("the provider signs ID tokens with no public-key algorithm")
    metadata["id_token_signing_alg_values_supported"] = allowed
    _clients[provider.pk] = (provider.changed_at, time.time(), client)
    return client


def id_token_claims(client: DjangoOAuth2App, request) -> tuple[dict, dict]:
    """Exchange the code the provider sent back; return the token and the checked ID token."""
    token = client.authorize_access_token(
        request,
        claims_options={
            "iss": {"essential": True, "value": client.server_metadata["issuer"]},
            "aud": {"essential": True, "value": client.client_id},
            "sub": {"essential": True},
            "exp": {"essential": True},
            "iat": {"essential": True},
        },
        leeway=LEEWAY_SECONDS,
    )
    claims = token.get("userinfo")
    if not claims:
        # Authlib checks an ID token only if there is one; without one nobody is named.
        raise SuspiciousOperation("the token response has no ID token")
    return token, dict(claims)


def subject_of(provider: OidcProvider, claims: dict) -> str:
    """The stable id of the person at this provider (with the issuer, the identity's key)."""
    if provider.subject_kind == OidcProvider.SubjectKind.ENTRA:
        tid, oid = claims.get("tid"), claims.get("oid")
        if not (isinstance(tid, str) and tid and isinstance(oid, str) and oid):
            raise SuspiciousOperation("an Entra ID token without tid and oid")
        return f"{tid}:{oid}"
    return claims["sub"]


def claim_values(provider: OidcProvider, claims: dict) -> set[str] | None:
    """The values of the provider's groups or roles claim; None if the provider left it out.

    Entra ID leaves out the groups of a person in too many groups (the overage claim
    `_claim_names`); roles are then not known, which is not the same as no roles.
    """
    path = provider.roles_claim.strip()
    if not path:
        return set()
    if path in (claims.get("_claim_names") or {}):
        return None
    value = claims
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {str(item) for item in value if isinstance(item, str | int)}
    return set()


def end_session_endpoint(provider: OidcProvider) -> str:
    try:
        return client_for(provider).server_metadata.get("end_session_endpoint") or ""
    except (requests.RequestException, ValueError, ProviderMisconfigured):
        return ""  # a provider that cannot be reached now only misses its sign-out
