"""State changes to accounts, with the audit log (core.audit)."""

import secrets

from core.audit import update_object
from core.models import AuditEntry


def disable_account(user, *, by):
    """Switch the account off; accounts/deactivation.py then ends its sessions and tokens."""
    return update_object(user, by=by, is_active=False)


def set_notifications(user, choice: str):
    """How the person hears what waits for them (core/notify.py)."""
    return update_object(user, by=user, notify_by_email=choice)


def renew_calendar_token(user):
    """A new secret address for the person's calendar feed; the old address stops working.
    The secret itself stays out of the audit log (`User.audit_exclude`); the renewal is noted."""
    return update_object(
        user,
        by=user,
        action=AuditEntry.Action.TRANSITION,
        note="calendar address renewed",
        calendar_token=secrets.token_urlsafe(32),
    )
