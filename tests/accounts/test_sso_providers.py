"""Several OpenID Connect providers at once, as a shared installation has them.

Two providers run on 127.0.0.1, each with its own keys and client: Karlskoga's (a standard
provider, groups in `groups`) and Degerfors' (Entra ID style: `tid`, `oid`, app roles in
`roles`). Each signs in its own people, and its claims give roles only in its own organisation.
"""

import importlib
import logging
from urllib.parse import parse_qs, urlsplit

import pytest
from django.apps import apps
from django.urls import reverse

from accounts.models import OidcProvider, OidcRoleMapping, SsoIdentity
from core.models import AuditEntry
from organisations.models import Membership
from organisations.roles import Role

from .conftest import register
from .oidc_provider import Provider
from .test_sso import SECURITY_LOGGER, signed_in_user, sso_sign_in

TENANT = "6f1c8a2e-0000-4000-8000-degerfors000"
OBJECT_ID = "0b7e4c1d-1111-4111-8111-000000000eva"


@pytest.fixture
def karlskoga_idp(karlskoga):
    with Provider(client_id="barnratt-karlskoga", client_secret="karlskoga-secret") as server:
        server.row = register(server, slug="karlskoga", name="Karlskoga kommun", create_users=True)
        server.row.organisations.add(karlskoga)
        OidcRoleMapping.objects.create(
            provider=server.row,
            claim_value="barnratt-samordnare",
            organisation=karlskoga,
            role=Role.COORDINATOR,
        )
        server.identity = {
            "sub": "person-1",
            "preferred_username": "anna.andersson",
            "given_name": "Anna",
            "family_name": "Andersson",
            "groups": ["barnratt-samordnare", "alla-anstallda"],
        }
        yield server


@pytest.fixture
def degerfors_idp(degerfors):
    with Provider(client_id="barnratt-degerfors", client_secret="degerfors-secret") as server:
        server.row = register(
            server,
            slug="degerfors",
            name="Degerfors kommun",
            subject_kind=OidcProvider.SubjectKind.ENTRA,
            roles_claim="roles",
            create_users=True,
        )
        server.row.organisations.add(degerfors)
        OidcRoleMapping.objects.create(
            provider=server.row,
            claim_value="Barnratt.Handlaggare",
            organisation=degerfors,
            role=Role.CASE_OFFICER,
        )
        server.identity = {
            "sub": "pairwise-for-this-app",
            "tid": TENANT,
            "oid": OBJECT_ID,
            "preferred_username": "eva.ek@degerfors.example",
            "roles": ["Barnratt.Handlaggare"],
        }
        yield server


def roles_of(user):
    return set(Membership.objects.filter(user=user).values_list("organisation__name", "role"))


def refusals(caplog):
    return [
        record.security
        for record in caplog.records
        if record.name == SECURITY_LOGGER and record.security["event"] == "sso_login_failed"
    ]


def test_the_login_page_offers_every_provider_in_use(client, karlskoga_idp, degerfors_idp):
    page = client.get(reverse("accounts:login")).text
    assert "Logga in med Karlskoga kommun" in page
    assert "Logga in med Degerfors kommun" in page
    assert "Eller med ett Barnrätt-konto" in page


def test_a_group_at_karlskogas_provider_makes_a_coordinator_in_karlskoga(client, karlskoga_idp):
    response = sso_sign_in(client, karlskoga_idp)
    assert response["Location"] == reverse("home:start")
    user = signed_in_user(client)
    assert user.username == "anna.andersson"
    assert (user.first_name, user.last_name) == ("Anna", "Andersson")
    assert roles_of(user) == {("Karlskoga kommun", Role.COORDINATOR)}
    assert client.get(reverse("home:start")).status_code == 200
    entry = AuditEntry.objects.get(object_repr="Anna Andersson – samordnare – Karlskoga kommun")
    assert entry.actor is None and entry.actor_label == "Karlskoga kommun (OpenID Connect)"


def test_the_same_sub_at_another_provider_is_another_person(client, karlskoga_idp, degerfors_idp):
    degerfors_idp.row.subject_kind = OidcProvider.SubjectKind.SUB
    degerfors_idp.row.save()
    degerfors_idp.identity["sub"] = karlskoga_idp.identity["sub"]
    sso_sign_in(client, karlskoga_idp)
    in_karlskoga = signed_in_user(client)
    client.post(reverse("accounts:logout"))
    sso_sign_in(client, degerfors_idp)
    in_degerfors = signed_in_user(client)
    assert in_karlskoga != in_degerfors
    assert roles_of(in_degerfors) == {("Degerfors kommun", Role.CASE_OFFICER)}
    assert roles_of(in_karlskoga) == {("Karlskoga kommun", Role.COORDINATOR)}
    assert SsoIdentity.objects.filter(subject="person-1").count() == 2


def test_an_entra_person_is_known_by_tid_and_oid_not_by_sub(client, degerfors_idp):
    sso_sign_in(client, degerfors_idp)
    user = signed_in_user(client)
    identity = SsoIdentity.objects.get(user=user)
    assert (identity.issuer, identity.subject) == (degerfors_idp.issuer, f"{TENANT}:{OBJECT_ID}")
    assert user.username == "eva.ek@degerfors.example"
    # Entra gives another application another sub for the same person: still the same person.
    client.post(reverse("accounts:logout"))
    degerfors_idp.identity["sub"] = "pairwise-for-another-app"
    sso_sign_in(client, degerfors_idp)
    assert signed_in_user(client) == user
    assert SsoIdentity.objects.count() == 1


def test_an_entra_token_without_oid_is_refused(client, degerfors_idp, caplog):
    del degerfors_idp.identity["oid"]
    with caplog.at_level(logging.INFO, logger=SECURITY_LOGGER):
        response = sso_sign_in(client, degerfors_idp)
    assert response["Location"] == reverse("accounts:login")
    assert "tid and oid" in refusals(caplog)[0]["detail"]
    assert not SsoIdentity.objects.exists()


def test_an_identity_linked_by_entras_sub_moves_to_tid_and_oid(client, outsider, degerfors_idp):
    # The one-provider sign-in linked Entra people by their per-application sub.
    SsoIdentity.objects.create(
        user=outsider, issuer=degerfors_idp.issuer, subject="pairwise-for-this-app"
    )
    sso_sign_in(client, degerfors_idp)
    assert signed_in_user(client) == outsider
    assert SsoIdentity.objects.get(user=outsider).subject == f"{TENANT}:{OBJECT_ID}"
    assert ("Degerfors kommun", Role.CASE_OFFICER) in roles_of(outsider)


def test_a_person_with_no_mapped_role_gets_no_access(client, karlskoga_idp, caplog):
    karlskoga_idp.identity["groups"] = ["alla-anstallda"]
    with caplog.at_level(logging.INFO, logger=SECURITY_LOGGER):
        response = sso_sign_in(client, karlskoga_idp)
    assert response["Location"] == reverse("accounts:login")
    assert client.get(reverse("home:start")).status_code == 302  # not signed in
    assert "no role mapped" in refusals(caplog)[0]["detail"]
    assert not SsoIdentity.objects.exists()  # and no account was made


def test_a_role_taken_away_at_the_provider_is_taken_away_here(client, karlskoga, karlskoga_idp):
    sso_sign_in(client, karlskoga_idp)
    user = signed_in_user(client)
    client.post(reverse("accounts:logout"))

    karlskoga_idp.identity["groups"] = []
    sso_sign_in(client, karlskoga_idp)
    assert client.get(reverse("home:start")).status_code == 302  # refused: no role left
    assert roles_of(user) == set()

    # A role the provider does not map was given by hand; it stays, and so does the access.
    Membership.objects.create(user=user, organisation=karlskoga, role=Role.READER)
    sso_sign_in(client, karlskoga_idp)
    assert signed_in_user(client) == user
    assert roles_of(user) == {("Karlskoga kommun", Role.READER)}


def test_a_provider_gives_no_role_in_an_organisation_it_does_not_serve(
    client, degerfors, karlskoga_idp
):
    OidcRoleMapping.objects.create(
        provider=karlskoga_idp.row,
        claim_value="barnratt-samordnare",
        organisation=degerfors,
        role=Role.ORG_ADMIN,
    )
    sso_sign_in(client, karlskoga_idp)
    assert roles_of(signed_in_user(client)) == {("Karlskoga kommun", Role.COORDINATOR)}


def test_left_out_groups_refuse_the_sign_in_and_keep_the_roles(client, karlskoga_idp, caplog):
    sso_sign_in(client, karlskoga_idp)
    user = signed_in_user(client)
    client.post(reverse("accounts:logout"))
    # Entra ID's "overage": too many groups for the token, so it names none.
    del karlskoga_idp.identity["groups"]
    karlskoga_idp.identity["_claim_names"] = {"groups": "src1"}
    with caplog.at_level(logging.INFO, logger=SECURITY_LOGGER):
        sso_sign_in(client, karlskoga_idp)
    assert client.get(reverse("home:start")).status_code == 302
    assert "too many groups" in refusals(caplog)[0]["detail"]
    assert roles_of(user) == {("Karlskoga kommun", Role.COORDINATOR)}


def test_a_code_from_one_provider_is_no_good_at_the_other(
    client, karlskoga_idp, degerfors_idp, caplog
):
    # A real code from Degerfors' provider, sent back to Karlskoga's callback with the state of
    # a sign-in begun there: it goes to Karlskoga's provider only, which never gave it.
    start = client.get(reverse("accounts:sso_start", args=["karlskoga"]))
    state = parse_qs(urlsplit(start["Location"]).query)["state"][0]
    elsewhere = degerfors_idp.authorize(
        {
            "client_id": "barnratt-degerfors",
            "response_type": "code",
            "redirect_uri": "http://testserver/accounts/login/sso/karlskoga/callback/",
            "state": state,
            "nonce": "n",
            "code_challenge": "x",
            "code_challenge_method": "S256",
        }
    )[1]["Location"]
    back = urlsplit(elsewhere)
    with caplog.at_level(logging.INFO, logger=SECURITY_LOGGER):
        response = client.get(back.path, {k: v[0] for k, v in parse_qs(back.query).items()})
    assert response["Location"] == reverse("accounts:login")
    assert refusals(caplog)[0]["provider"] == "karlskoga"
    assert (karlskoga_idp.token_requests, degerfors_idp.token_requests) == (1, 0)
    assert client.get(reverse("home:start")).status_code == 302


def test_a_discovery_document_for_another_issuer_is_refused(client, karlskoga_idp, caplog):
    karlskoga_idp.discovery_issuer = "https://login.example/someone-else"
    with caplog.at_level(logging.INFO, logger=SECURITY_LOGGER):
        response = client.get(reverse("accounts:sso_start", args=["karlskoga"]))
    assert response["Location"] == reverse("accounts:login")
    assert "another issuer" in refusals(caplog)[0]["detail"]


def test_a_new_signing_key_is_fetched_when_the_provider_rolls_its_keys(client, karlskoga_idp):
    sso_sign_in(client, karlskoga_idp)
    user = signed_in_user(client)
    client.post(reverse("accounts:logout"))
    karlskoga_idp.roll_keys("test-key-2")  # the client still holds the old key set
    sso_sign_in(client, karlskoga_idp)
    assert signed_in_user(client) == user


def test_only_a_page_of_this_site_is_where_the_sign_in_goes_next(client, karlskoga_idp):
    assert sso_sign_in(client, karlskoga_idp, next_url="https://evil.example/")["Location"] == (
        reverse("home:start")
    )
    client.post(reverse("accounts:logout"))
    response = sso_sign_in(client, karlskoga_idp, next_url="/accounts/account/")
    assert response["Location"] == "/accounts/account/"


def test_the_secret_may_come_from_the_environment(client, karlskoga_idp, monkeypatch):
    karlskoga_idp.row.client_secret = ""
    karlskoga_idp.row.save()
    monkeypatch.setenv("BARNRATT_OIDC_SECRET_KARLSKOGA", "karlskoga-secret")
    sso_sign_in(client, karlskoga_idp)
    assert roles_of(signed_in_user(client)) == {("Karlskoga kommun", Role.COORDINATOR)}


def test_the_old_environment_settings_become_a_provider(db, monkeypatch):
    migration = importlib.import_module("accounts.migrations.0004_oidc_provider_from_environment")
    migration.provider_from_environment(apps, None)
    assert not OidcProvider.objects.exists()  # nothing configured, nothing made
    monkeypatch.setenv("BARNRATT_OIDC_ISSUER", "https://login.microsoftonline.com/t/v2.0")
    monkeypatch.setenv("BARNRATT_OIDC_CLIENT_ID", "app-id")
    monkeypatch.setenv("BARNRATT_OIDC_CLIENT_SECRET", "s3cret")
    monkeypatch.setenv("BARNRATT_OIDC_CREATE_USERS", "true")
    migration.provider_from_environment(apps, None)
    provider = OidcProvider.objects.get()
    assert (provider.slug, provider.client_id, provider.client_secret) == (
        "kommunen",
        "app-id",
        "s3cret",
    )
    assert provider.create_users and not provider.link_by_email
    assert provider.subject_kind == "sub"  # identities linked before keep their subject
