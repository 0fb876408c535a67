"""Audited writes: every change to a tenant-owned record goes through these helpers.

Each helper writes the record and its audit entry in the same transaction, so a change is
never stored without its history (nor the history without the change).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models.fields.files import FieldFile

from .models import AuditEntry

_encoder = DjangoJSONEncoder()


def _plain(value):
    """A JSON-safe copy of a field value (dates, decimals and UUIDs as text)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted(_plain(item) for item in value)
    if isinstance(value, FieldFile):
        return value.name or None
    return _encoder.default(value)


def _concrete_fields(instance, *, audited_only=True):
    excluded = getattr(instance, "audit_exclude", ()) if audited_only else ()
    return [
        field
        for field in instance._meta.concrete_fields
        if not field.primary_key and field.name not in excluded
    ]


def snapshot(instance, *, audited_only=True) -> dict:
    """The field values of an instance, keyed by field name. Fields a model lists in
    `audit_exclude` (counters, timestamps) are left out unless `audited_only` is False."""
    fields = _concrete_fields(instance, audited_only=audited_only)
    return {field.name: _plain(field.value_from_object(instance)) for field in fields}


def _m2m_snapshot(instance, names) -> dict:
    return {name: sorted(getattr(instance, name).values_list("pk", flat=True)) for name in names}


def _owning_organisation_id(instance):
    if hasattr(instance, "audit_organisation_id"):
        return instance.audit_organisation_id()
    return getattr(instance, "organisation_id", None)


def write_entry(instance, *, by, action, changes, note="") -> AuditEntry:
    """Append one audit entry for `instance`."""
    return AuditEntry.objects.create(
        actor=by if getattr(by, "pk", None) else None,
        actor_label=str(by) if by is not None else "system",
        action=action,
        content_type=ContentType.objects.get_for_model(instance),
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        organisation_id=_owning_organisation_id(instance),
        changes=changes,
        note=note,
    )


def create_object(model: type[models.Model], *, by, m2m: dict | None = None, **fields):
    """Create a record (and its many-to-many links) with an audit entry."""
    with transaction.atomic():
        instance = model(**fields)
        instance.full_clean()
        instance.save()
        for name, values in (m2m or {}).items():
            getattr(instance, name).set(values)
        after = snapshot(instance) | _m2m_snapshot(instance, (m2m or {}).keys())
        changes = {
            name: [None, value] for name, value in after.items() if value not in (None, "", [])
        }
        write_entry(instance, by=by, action=AuditEntry.Action.CREATE, changes=changes)
    return instance


def update_object(
    instance,
    *,
    by,
    m2m: dict | None = None,
    action=AuditEntry.Action.UPDATE,
    note: str = "",
    **fields,
):
    """Change fields of a record; only fields that really changed are saved and logged."""
    m2m = m2m or {}
    with transaction.atomic():
        stored = snapshot(instance, audited_only=False)
        before = snapshot(instance) | _m2m_snapshot(instance, m2m.keys())
        for name, value in fields.items():
            setattr(instance, name, value)
        instance.full_clean()
        now = snapshot(instance, audited_only=False)
        changed = [name for name in fields if stored.get(name) != now.get(name)]
        if changed:
            # A field with auto_now (updated_at) is saved only when it is named here.
            stamped = [f.name for f in instance._meta.concrete_fields if getattr(f, "auto_now", 0)]
            instance.save(update_fields=[*changed, *stamped])
        for name, values in m2m.items():
            getattr(instance, name).set(values)
        after = snapshot(instance) | _m2m_snapshot(instance, m2m.keys())
        changes = {
            name: [before.get(name), value]
            for name, value in after.items()
            if before.get(name) != value
        }
        if changes or action != AuditEntry.Action.UPDATE:
            write_entry(instance, by=by, action=action, changes=changes, note=note)
    return instance


def delete_object(instance, *, by, note: str = ""):
    """Delete a record; the audit entry keeps what it held."""
    with transaction.atomic():
        before = snapshot(instance)
        write_entry(
            instance,
            by=by,
            action=AuditEntry.Action.DELETE,
            changes={
                name: [value, None] for name, value in before.items() if value not in (None, "")
            },
            note=note,
        )
        instance.delete()
