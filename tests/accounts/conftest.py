"""Local OpenID Connect providers for the sign-in tests, each registered as an `OidcProvider`."""

import pytest

from accounts import oidc
from accounts.models import OidcProvider

from .oidc_provider import Provider


def register(server: Provider, *, slug="kommunen", name="kommunens konto", **fields):
    """The provider row an operator would add in the admin for this running provider."""
    return OidcProvider.objects.create(
        name=name,
        slug=slug,
        issuer=server.issuer,
        client_id=server.client_id,
        client_secret=server.client_secret,
        **fields,
    )


@pytest.fixture(autouse=True)
def _fresh_clients():
    # A client caches its provider's discovery document per process; tests start without one.
    oidc._clients.clear()
    yield
    oidc._clients.clear()


@pytest.fixture
def provider(db):
    """One running provider, registered as "kommunens konto"; `.row` is its OidcProvider."""
    with Provider() as running:
        running.row = register(running)
        yield running
