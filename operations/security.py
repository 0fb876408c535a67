"""The security log: sign-ins, failed sign-ins, lockouts, permission denials and changes to who
may do what (memberships, API tokens, accounts, and every edit in the Django admin).

One record per event on the `barnratt.security` logger, which the JSON log lines carry with
the time in UTC, the request id, the event and who (user id and username, or the username that
was tried). Never a password, a token or anything a child wrote: only names of things and ids.
Route the logger to its own file or SIEM in production (docs/operations.md).
"""

import logging

from axes.signals import user_locked_out
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.core.exceptions import PermissionDenied
from django.db.models.signals import post_save
from django.dispatch import receiver

from core.models import AuditEntry

logger = logging.getLogger("barnratt.security")

# Audit entries on these models are changes to access: they go to the security log too.
ACCESS_MODELS = frozenset({"membership", "apitoken", "user"})
ADMIN_ACTIONS = {ADDITION: "create", CHANGE: "update", DELETION: "delete"}


def record(event: str, *, user=None, request=None, **details) -> None:
    actor = user if user is not None else getattr(request, "user", None)
    fields = {"event": event, **details}
    if actor is not None and getattr(actor, "is_authenticated", False):
        fields |= {"user_id": actor.pk, "username": actor.get_username()}
    if request is not None:
        fields |= {"path": request.path[:300], "method": request.method}
    logger.info(event, extra={"security": fields})


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    record("login", user=user, request=request)


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    record("logout", user=user, request=request)


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    # Django has already replaced the password in `credentials`; only the name tried is kept.
    tried = str(credentials.get("username", ""))[:150]
    record("login_failed", request=request, attempted_username=tried)


@receiver(user_locked_out)
def _locked_out(sender, request, username=None, ip_address=None, **kwargs):
    record("locked_out", request=request, attempted_username=str(username or "")[:150])


@receiver(post_save, sender=LogEntry)
def _admin_change(sender, instance, created, **kwargs):
    if created:
        record(
            "admin_change",
            user=instance.user,
            action=ADMIN_ACTIONS.get(instance.action_flag, str(instance.action_flag)),
            object_type=instance.content_type.model if instance.content_type_id else "",
            object_id=instance.object_id or "",
        )


@receiver(post_save, sender=AuditEntry)
def _access_change(sender, instance, created, **kwargs):
    if created and instance.content_type.model in ACCESS_MODELS:
        record(
            "access_change",
            user=instance.actor,
            action=instance.action,
            object_type=instance.content_type.model,
            object_id=instance.object_id,
            organisation_id=instance.organisation_id,
        )


class PermissionDeniedLogMiddleware:
    """Logs every refusal (403) of a signed-in or anonymous user; Django answers it as before."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, PermissionDenied):
            record("permission_denied", request=request)
