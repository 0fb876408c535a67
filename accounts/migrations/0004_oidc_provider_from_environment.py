"""The one provider of the old environment settings (BARNRATT_OIDC_*) becomes a row.

Identities linked before keep their (issuer, subject), so the people linked to them sign in as
before. The redirect URI becomes /accounts/login/sso/kommunen/callback/ (docs/operations.md).
"""

import os

from django.db import migrations


def _flag(name):
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def provider_from_environment(apps, schema_editor):
    issuer = os.environ.get("BARNRATT_OIDC_ISSUER", "")
    client_id = os.environ.get("BARNRATT_OIDC_CLIENT_ID", "")
    if not (issuer and client_id):
        return
    provider_model = apps.get_model("accounts", "OidcProvider")
    provider_model.objects.get_or_create(
        issuer=issuer,
        defaults={
            "name": "kommunens konto",
            "slug": "kommunen",
            "client_id": client_id,
            "client_secret": os.environ.get("BARNRATT_OIDC_CLIENT_SECRET", ""),
            "scopes": os.environ.get("BARNRATT_OIDC_SCOPES", "") or "openid email profile",
            "roles_claim": "",
            "link_by_email": _flag("BARNRATT_OIDC_LINK_BY_EMAIL"),
            "create_users": _flag("BARNRATT_OIDC_CREATE_USERS"),
        },
    )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_oidc_providers")]

    operations = [migrations.RunPython(provider_from_environment, migrations.RunPython.noop)]
