"""Single sign-on, end to end against a real OpenID Connect provider on 127.0.0.1.

The Django test client starts the sign-in, follows the redirect into the provider (over HTTP),
and follows the provider's redirect back; the app then fetches the discovery document, the
tokens and the keys from the provider itself. State, nonce, PKCE, signature, audience, issuer
and expiry are all checked. Several providers at once: test_sso_providers.py.
"""

import logging
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.urls import reverse

from accounts.models import SsoIdentity
from organisations.models import Membership

from .conftest import register
from .oidc_provider import Provider

SECURITY_LOGGER = "barnratt.security"


def sso_sign_in(client, provider, next_url=None):
    """Start at the app, go through the provider, come back; return the final response."""
    slug = provider.row.slug
    start = reverse("accounts:sso_start", args=[slug]) + (f"?next={next_url}" if next_url else "")
    response = client.get(start)
    assert response.status_code == 302
    at_provider = response["Location"]
    assert at_provider.startswith(provider.issuer + "/authorize?")
    answer = requests.get(at_provider, allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.status_code
    back = urlsplit(answer.headers["Location"])
    assert back.path == reverse("accounts:sso_callback", args=[slug])
    return client.get(back.path, {k: v[0] for k, v in parse_qs(back.query).items()})


def link(user, provider, subject="user-0001"):
    return SsoIdentity.objects.create(user=user, issuer=provider.issuer, subject=subject)


def signed_in_user(client):
    return client.get(reverse("accounts:account")).context["user"]


def test_login_page_offers_a_provider_only_when_one_is_in_use(client, db):
    assert "Logga in med" not in client.get(reverse("accounts:login")).text
    with Provider() as server:
        row = register(server, is_active=False)
        assert "Logga in med kommunens konto" not in client.get(reverse("accounts:login")).text
        row.is_active = True
        row.save()
        page = client.get(reverse("accounts:login")).text
    assert "Logga in med kommunens konto" in page
    assert 'href="/accounts/login/sso/kommunen/"' in page
    assert 'name="password"' in page  # local accounts sign in as before


def test_sso_urls_are_404_for_an_unknown_or_unused_provider(client, db):
    with Provider() as server:
        register(server, is_active=False)
        for slug in ("kommunen", "nobody"):
            assert client.get(reverse("accounts:sso_start", args=[slug])).status_code == 404
            assert client.get(reverse("accounts:sso_callback", args=[slug])).status_code == 404


def test_the_start_sends_state_nonce_and_pkce(client, db, provider):
    response = client.get(reverse("accounts:sso_start", args=["kommunen"]))
    query = parse_qs(urlsplit(response["Location"]).query)
    assert query["client_id"] == ["barnratt-test-client"]
    assert query["response_type"] == ["code"]
    assert query["redirect_uri"] == ["http://testserver/accounts/login/sso/kommunen/callback/"]
    assert len(query["state"][0]) >= 20 and len(query["nonce"][0]) >= 20
    assert query["code_challenge_method"] == ["S256"] and query["code_challenge"]


def test_a_linked_identity_signs_in(client, coordinator, provider, caplog):
    link(coordinator, provider)
    with caplog.at_level(logging.INFO, logger=SECURITY_LOGGER):
        response = sso_sign_in(client, provider, next_url="/accounts/account/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/account/"
    assert signed_in_user(client) == coordinator
    events = [record.security for record in caplog.records if record.name == SECURITY_LOGGER]
    sso = [event for event in events if event["event"] == "sso_login"]
    assert sso and sso[0]["user_id"] == coordinator.pk and sso[0]["matched_by"] == "linked"
    assert SsoIdentity.objects.get(user=coordinator).last_login is not None


def test_an_unknown_identity_is_refused_and_logged(client, coordinator, provider, caplog):
    provider.identity = {"sub": "stranger", "email": "", "email_verified": False}
    with caplog.at_level(logging.INFO, logger=SECURITY_LOGGER):
        response = sso_sign_in(client, provider)
    assert response["Location"] == reverse("accounts:login")
    assert client.get(reverse("home:start")).status_code == 302  # not signed in
    assert any(
        record.security["event"] == "sso_login_failed"
        for record in caplog.records
        if record.name == SECURITY_LOGGER
    )
    assert not SsoIdentity.objects.exists()


def test_email_match_needs_the_setting_and_a_verified_address(client, coordinator, provider):
    coordinator.email = "samordnare@karlskoga.example"
    coordinator.save()
    provider.identity = {"sub": "entra-42", "email": coordinator.email, "email_verified": True}
    sso_sign_in(client, provider)
    assert not SsoIdentity.objects.exists()  # setting off: no link

    provider.row.link_by_email = True
    provider.row.save()
    provider.identity["email_verified"] = False
    sso_sign_in(client, provider)
    assert not SsoIdentity.objects.exists()  # address not verified: no link

    provider.identity["email_verified"] = True
    sso_sign_in(client, provider)
    identity = SsoIdentity.objects.get()
    assert (identity.user, identity.subject, identity.issuer) == (
        coordinator,
        "entra-42",
        provider.issuer,
    )
    assert signed_in_user(client) == coordinator


def test_new_users_only_with_the_setting_and_then_without_roles(client, db, provider):
    provider.identity = {
        "sub": "new-person",
        "email": "ny@karlskoga.example",
        "preferred_username": "ny.person@karlskoga.example",
    }
    sso_sign_in(client, provider)
    assert not SsoIdentity.objects.exists()

    provider.row.create_users = True
    provider.row.save()
    sso_sign_in(client, provider)
    user = SsoIdentity.objects.get(subject="new-person").user
    assert signed_in_user(client) == user
    assert user.username == "ny.person@karlskoga.example"  # readable, from preferred_username
    assert not Membership.objects.filter(user=user).exists()
    assert not user.is_staff and not user.is_superuser
    assert not user.has_usable_password()


def test_a_disabled_account_cannot_sign_in(client, coordinator, provider):
    link(coordinator, provider)
    coordinator.is_active = False
    coordinator.save()
    sso_sign_in(client, provider)
    assert client.get(reverse("home:start")).status_code == 302


@pytest.mark.parametrize(
    ("tamper", "why"),
    [
        ("payload", "BadSignatureError"),
        ("other_key", "BadSignatureError"),
        ("nonce", "InvalidClaimError: invalid_claim: Invalid claim: 'nonce'"),
        ("audience", "InvalidClaimError: invalid_claim: Invalid claim: 'aud'"),
        ("audience_with_azp", "InvalidClaimError: invalid_claim: Invalid claim: 'aud'"),
        ("issuer", "InvalidClaimError: invalid_claim: Invalid claim: 'iss'"),
        ("expired", "ExpiredTokenError"),
        ("alg_none", "UnsupportedAlgorithmError"),
        ("hs256_with_secret", "UnsupportedAlgorithmError"),
        ("no_id_token", "SuspiciousOperation: the token response has no ID token"),
    ],
)
def test_a_tampered_id_token_is_refused(client, coordinator, provider, tamper, why, caplog):
    link(coordinator, provider)
    provider.tamper = tamper
    with caplog.at_level(logging.INFO, logger=SECURITY_LOGGER):
        response = sso_sign_in(client, provider)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")
    assert client.get(reverse("home:start")).status_code == 302
    failures = [
        record.security
        for record in caplog.records
        if record.name == SECURITY_LOGGER and record.security["event"] == "sso_login_failed"
    ]
    assert len(failures) == 1
    assert why in failures[0]["detail"]
    # The same provider, untampered, signs the same person in: the refusal was the token's.
    sso_sign_in(client, provider)
    assert signed_in_user(client) == coordinator


def test_a_callback_with_a_state_this_session_did_not_start_is_refused(
    client, coordinator, provider
):
    link(coordinator, provider)
    client.get(reverse("accounts:sso_start", args=["kommunen"]))  # this session's state exists
    other = provider.authorize(
        {
            "client_id": "barnratt-test-client",
            "response_type": "code",
            "redirect_uri": "http://testserver/accounts/login/sso/kommunen/callback/",
            "state": "forged-state",
            "nonce": "n",
            "code_challenge": "x",
            "code_challenge_method": "S256",
        }
    )[1]["Location"]
    back = urlsplit(other)
    response = client.get(back.path, {k: v[0] for k, v in parse_qs(back.query).items()})
    assert response["Location"] == reverse("accounts:login")
    assert provider.token_requests == 0  # the code was never even exchanged
    assert client.get(reverse("home:start")).status_code == 302


def test_a_code_is_used_once(client, coordinator, provider):
    link(coordinator, provider)
    response = client.get(reverse("accounts:sso_start", args=["kommunen"]))
    answer = requests.get(response["Location"], allow_redirects=False, timeout=10)
    back = urlsplit(answer.headers["Location"])
    params = {k: v[0] for k, v in parse_qs(back.query).items()}
    client.get(back.path, params)
    assert signed_in_user(client) == coordinator
    client.post(reverse("accounts:logout"))
    replay = client.get(back.path, params)
    assert replay["Location"] == reverse("accounts:login")
    assert client.get(reverse("home:start")).status_code == 302


def test_an_error_from_the_provider_is_logged_and_signs_no_one_in(client, db, provider, caplog):
    response = client.get(reverse("accounts:sso_start", args=["kommunen"]))
    state = parse_qs(urlsplit(response["Location"]).query)["state"][0]
    key = f"_state_oidc_kommunen_{state}"
    assert key in client.session
    with caplog.at_level(logging.INFO, logger=SECURITY_LOGGER):
        response = client.get(
            reverse("accounts:sso_callback", args=["kommunen"]),
            {"error": "access_denied", "state": state},
        )
    assert response["Location"] == reverse("accounts:login")
    assert key not in client.session  # the state cannot be replayed
    events = [r.security for r in caplog.records if r.name == SECURITY_LOGGER]
    assert events[0]["event"] == "sso_login_failed" and events[0]["reason"] == "provider_error"


def test_an_organisation_admin_signed_in_with_sso_is_not_held_for_a_local_code(
    client, org_admin, provider, settings
):
    # The provider decides the second factor of its users (Conditional Access in Entra ID).
    settings.REQUIRE_2FA_FOR_ADMINS = True
    link(org_admin, provider)
    sso_sign_in(client, provider)
    assert client.get(reverse("home:start")).status_code == 200
