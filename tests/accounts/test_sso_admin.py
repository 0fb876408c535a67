"""Platform administrators add sign-in providers in the Django admin."""

import pytest
from django.urls import reverse

from accounts.models import OidcProvider
from core.models import AuditEntry
from organisations.roles import Role


@pytest.fixture
def root_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", password="x"))
    return client


def provider_form(karlskoga, mapping_organisation, **fields):
    return {
        "name": "Karlskoga kommun",
        "slug": "karlskoga",
        "is_active": "on",
        "issuer": "https://login.microsoftonline.com/tenant-id/v2.0",
        "client_id": "app-id",
        "client_secret": "the-secret",
        "scopes": "openid email profile",
        "subject_kind": "entra",
        "roles_claim": "roles",
        "organisations": [karlskoga.pk],
        "role_mappings-TOTAL_FORMS": "1",
        "role_mappings-INITIAL_FORMS": "0",
        "role_mappings-MIN_NUM_FORMS": "0",
        "role_mappings-MAX_NUM_FORMS": "1000",
        "role_mappings-0-claim_value": "Barnratt.Samordnare",
        "role_mappings-0-organisation": mapping_organisation.pk,
        "role_mappings-0-role": Role.COORDINATOR,
        **fields,
    }


def test_a_mapping_outside_the_organisations_served_is_refused(root_client, karlskoga, degerfors):
    response = root_client.post(
        reverse("admin:accounts_oidcprovider_add"), provider_form(karlskoga, degerfors)
    )
    assert response.status_code == 200
    assert "En roll kan bara kopplas i en organisation som inloggningstjänsten betjänar." in (
        response.text
    )
    assert not OidcProvider.objects.exists()


def test_the_secret_is_kept_never_shown_and_never_logged(root_client, karlskoga):
    add = root_client.post(
        reverse("admin:accounts_oidcprovider_add"), provider_form(karlskoga, karlskoga)
    )
    assert add.status_code == 302
    provider = OidcProvider.objects.get()
    assert provider.client_secret == "the-secret"
    assert provider.role_mappings.get().role == Role.COORDINATOR
    change_url = reverse("admin:accounts_oidcprovider_change", args=[provider.pk])
    page = root_client.get(change_url).text
    assert "the-secret" not in page
    assert "/accounts/login/sso/karlskoga/callback/" in page

    form = provider_form(karlskoga, karlskoga, client_secret="", name="Karlskoga")
    form |= {"role_mappings-INITIAL_FORMS": "1"}
    form["role_mappings-0-id"] = provider.role_mappings.get().pk
    form["role_mappings-0-provider"] = provider.pk
    assert root_client.post(change_url, form).status_code == 302
    provider.refresh_from_db()
    assert (provider.name, provider.client_secret) == ("Karlskoga", "the-secret")
    entries = AuditEntry.objects.for_object(provider)
    assert entries.count() == 2
    assert all("the-secret" not in str(entry.changes) for entry in entries)


def test_a_short_name_taken_by_the_callback_and_scopes_without_openid_are_refused(
    root_client, karlskoga
):
    form = provider_form(karlskoga, karlskoga, slug="callback", scopes="email profile")
    response = root_client.post(reverse("admin:accounts_oidcprovider_add"), form)
    assert response.status_code == 200
    assert "Kortnamnet används redan av en annan adress." in response.text
    assert "Omfången måste innehålla openid." in response.text
    assert not OidcProvider.objects.exists()
