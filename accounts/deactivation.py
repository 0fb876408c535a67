"""Disabling an account ends its sessions and API tokens at once, wherever it is disabled.

Whether through the admin, the app or a script: when `is_active` turns false the user's session
generation is raised, so every session signed with the old one fails Django's session check on
its next request (any session backend); the user's rows in the database session store are deleted
too; and the API tokens the user created are revoked, since the key may have left with them.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from api.models import ApiToken
from api.services import revoke_token
from operations.security import record

User = get_user_model()


@receiver(pre_save, sender=User)
def _remember_active(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and "is_active" not in update_fields:
        instance._was_active = False  # this save cannot disable the account
        return
    instance._was_active = (
        instance.pk is not None and User.objects.filter(pk=instance.pk, is_active=True).exists()
    )


@receiver(post_save, sender=User)
def _end_access_when_disabled(sender, instance, created, **kwargs):
    if created or instance.is_active or not getattr(instance, "_was_active", False):
        return
    instance._was_active = False
    end_sessions_and_tokens(instance)


def end_sessions_and_tokens(user) -> None:
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
        user.refresh_from_db(fields=["session_generation"])
        sessions = _delete_stored_sessions(user)
        tokens = _revoke_tokens(user)
    record("access_ended", user=user, sessions=sessions, api_tokens=tokens)


def _delete_stored_sessions(user) -> int:
    """Sessions in the database store that belong to the user (decoded: the key is hashed)."""
    if settings.SESSION_ENGINE != "django.contrib.sessions.backends.db":
        return 0  # other stores: the session generation above ends them on their next request
    doomed = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        try:
            data = session.get_decoded()
        except Exception:
            continue
        if str(data.get("_auth_user_id")) == str(user.pk):
            doomed.append(session.pk)
    Session.objects.filter(pk__in=doomed).delete()
    return len(doomed)


def _revoke_tokens(user) -> int:

    tokens = list(ApiToken.objects.filter(created_by=user, revoked_at=None))
    for token in tokens:
        revoke_token(token, by=None)
    return len(tokens)
