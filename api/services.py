from django.utils import timezone

from core.audit import create_object, update_object

from .models import ApiToken, hash_key


def create_token(organisation, *, by, name) -> tuple[ApiToken, str]:
    """A new token; the key is returned once and only its hash is kept."""
    key = ApiToken.new_key()
    token = create_object(
        ApiToken,
        by=by,
        organisation=organisation,
        name=name,
        key_hash=hash_key(key),
        prefix=key[:8],
        created_by=by,
    )
    return token, key


def revoke_token(token: ApiToken, *, by) -> ApiToken:
    return update_object(token, by=by, revoked_at=timezone.now())
