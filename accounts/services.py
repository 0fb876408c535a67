"""State changes to accounts, with the audit log (core.audit)."""

from core.audit import update_object


def disable_account(user, *, by):
    """Switch the account off; accounts/deactivation.py then ends its sessions and tokens."""
    return update_object(user, by=by, is_active=False)
