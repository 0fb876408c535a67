"""A register extract (registerutdrag, GDPR article 15) of a staff user's personal data.

What Barnrätt holds about a person who works in it: the account, the roles, every record that
names them (as officer, author, reviewer, …) and their entries in the audit log. Records are
named by type, id and time, never by content: a case title is the organisation's, and children's
words are nobody's personal data to hand out (the children are anonymous).
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone

from core.models import AuditEntry

ACCOUNT_FIELDS = ("username", "first_name", "last_name", "email", "date_joined", "last_login")


def register_extract(user) -> dict:
    return {
        "created_at": timezone.now().isoformat(),
        "account": {name: _plain(getattr(user, name)) for name in ACCOUNT_FIELDS}
        | {"active": user.is_active},
        "roles": _roles(user),
        "records_naming_you": _records(user),
        "audit_log_entries_by_you": _audit_entries(user),
    }


def _roles(user) -> list[dict]:
    return [
        {
            "organisation": str(membership.organisation),
            "body": str(membership.body) if membership.body_id else None,
            "role": str(membership.get_role_display()),
        }
        for membership in user.memberships.select_related("organisation", "body")
    ]


def _records(user) -> list[dict]:
    found = []
    for model, field in _user_fields():
        if model is AuditEntry:
            continue  # listed on its own below
        for row in model._default_manager.filter(**{field.name: user}).values("pk"):
            found.append(
                {
                    "record_type": str(model._meta.verbose_name),
                    "as": str(field.verbose_name),
                    "id": row["pk"],
                }
            )
    return found


def _audit_entries(user) -> list[dict]:
    entries = AuditEntry.objects.filter(actor=user).select_related("content_type")
    return [
        {
            "at": entry.created_at.isoformat(),
            "action": entry.action,
            "record_type": entry.content_type.name if entry.content_type_id else "",
            "record_id": entry.object_id,
        }
        for entry in entries.order_by("pk")
    ]


def _user_fields():
    user_model = get_user_model()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                isinstance(field, models.ForeignKey | models.OneToOneField)
                and field.related_model is user_model
                and field.concrete
            ):
                yield model, field


def _plain(value):
    return value.isoformat() if hasattr(value, "isoformat") else value
