"""Signing out after an SSO sign-in signs out at the provider too (RP-initiated logout).

Against the provider of test_sso.py on 127.0.0.1: Barnrätt ends its own session, then sends the
browser to the provider's end_session endpoint with this session's ID token as the hint; the
provider checks the hint, signs the person out and sends the browser back to Barnrätt's home
page. Sign-out stays POST-only with the CSRF token; local accounts sign out as before.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.test import Client
from django.urls import reverse
from joserfc import jwt
from joserfc.jwk import OctKey

from accounts.sso import ID_TOKEN_SESSION_KEY

from .conftest import register
from .oidc_provider import CLIENT_ID, Provider
from .test_sso import link, sso_sign_in


@pytest.fixture
def strict():
    """A browser whose forms must carry the CSRF token, as real ones do."""
    return Client(enforce_csrf_checks=True)


def csrf_token(client):
    return str(client.get(reverse("accounts:account")).context["csrf_token"])


def signed_in(client):
    return client.get(reverse("home:start")).status_code == 200


def test_signing_out_after_sso_signs_out_at_the_provider(strict, coordinator, provider):
    link(coordinator, provider)
    sso_sign_in(strict, provider)
    assert signed_in(strict)

    response = strict.post(reverse("accounts:logout"), {"csrfmiddlewaretoken": csrf_token(strict)})
    assert response.status_code == 302
    to_provider = urlsplit(response["Location"])
    assert f"{to_provider.scheme}://{to_provider.netloc}{to_provider.path}" == (
        f"{provider.issuer}/end_session"
    )
    params = {k: v[0] for k, v in parse_qs(to_provider.query).items()}
    assert params["client_id"] == CLIENT_ID
    assert params["post_logout_redirect_uri"] == "http://testserver/"
    hint = jwt.decode(params["id_token_hint"], provider.key).claims
    assert hint["sub"] == "user-0001" and hint["aud"] == CLIENT_ID
    # Barnrätt's own session ended before the browser left.
    assert not signed_in(strict)
    assert ID_TOKEN_SESSION_KEY not in strict.session

    answer = requests.get(response["Location"], allow_redirects=False, timeout=10)
    assert answer.status_code == 302
    assert answer.headers["Location"].split("?")[0] == "http://testserver/"
    assert provider.logouts == [{"sub": "user-0001", "client_id": CLIENT_ID}]
    assert strict.get("/").status_code == 200


def test_sign_out_is_post_only_and_needs_the_csrf_token(strict, coordinator, provider):
    link(coordinator, provider)
    sso_sign_in(strict, provider)

    assert strict.get(reverse("accounts:logout")).status_code == 405
    assert signed_in(strict)
    # A cross-site form without the token: refused, nobody is signed out anywhere.
    forged = strict.post(reverse("accounts:logout"))
    assert forged.status_code == 403
    assert signed_in(strict)
    assert strict.session[ID_TOKEN_SESSION_KEY]
    assert provider.logouts == []


def test_a_local_account_signs_out_as_before(strict, coordinator, provider):
    strict.force_login(coordinator, backend="django.contrib.auth.backends.ModelBackend")
    response = strict.post(reverse("accounts:logout"), {"csrfmiddlewaretoken": csrf_token(strict)})
    assert response.status_code == 302 and response["Location"] == reverse("home:home")
    assert not signed_in(strict)


def test_without_an_end_session_endpoint_sso_users_sign_out_here_only(strict, coordinator, db):
    with Provider(offers_logout=False) as provider:
        provider.row = register(provider)
        link(coordinator, provider)
        sso_sign_in(strict, provider)
    assert ID_TOKEN_SESSION_KEY not in strict.session  # nothing to keep it for
    response = strict.post(reverse("accounts:logout"), {"csrfmiddlewaretoken": csrf_token(strict)})
    assert response["Location"] == reverse("home:home")
    assert not signed_in(strict)


def test_a_refused_sign_in_keeps_no_id_token(client, db, provider):
    provider.identity = {"sub": "stranger", "email": "", "email_verified": False}
    sso_sign_in(client, provider)
    assert not signed_in(client)
    assert ID_TOKEN_SESSION_KEY not in client.session


def test_the_provider_refuses_a_forged_hint(provider):
    # The test provider is honest too: a hint it did not sign ends no session.
    forged = jwt.encode(
        {"alg": "HS256"},
        {"sub": "user-0001", "aud": CLIENT_ID},
        OctKey.import_key("not-the-provider-key-" * 2),
        algorithms=["HS256"],
    )
    answer = requests.get(
        f"{provider.issuer}/end_session",
        params={"id_token_hint": forged, "post_logout_redirect_uri": "http://testserver/"},
        allow_redirects=False,
        timeout=10,
    )
    assert answer.status_code == 400 and provider.logouts == []
