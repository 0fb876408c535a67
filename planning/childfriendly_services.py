"""Changes to the child-friendly municipality cycle: the agreement and its steps, each audited
in the same transaction. Files go through core.uploads as policies' files do."""

from django.db import transaction

from core.audit import create_object, update_object
from core.models import AuditEntry

from .models import ChildFriendlyAgreement, ChildFriendlyStep
from .services import file_fields


def _with_file(fields: dict, uploaded) -> dict:
    return fields | file_fields(uploaded) if uploaded else fields


def _remove_after_commit(document, replaced) -> None:
    if replaced:
        storage = document.file.storage
        transaction.on_commit(lambda: storage.delete(replaced))


def create_agreement(
    organisation, *, by, uploaded=None, steps=(), **fields
) -> ChildFriendlyAgreement:
    """The agreement, and the steps of its cycle waiting to start: those it names (`steps`,
    in order), else the usual five."""
    if steps:
        keyed = [(f"step_{position}", name) for position, name in enumerate(steps, 1)]
    else:
        keyed = [(key, "") for key in ChildFriendlyStep.Step.values]
    with transaction.atomic():
        agreement = create_object(
            ChildFriendlyAgreement,
            by=by,
            organisation=organisation,
            **_with_file(fields, uploaded),
        )
        for position, (key, name) in enumerate(keyed, 1):
            create_object(
                ChildFriendlyStep,
                by=by,
                organisation=organisation,
                agreement=agreement,
                step=key,
                name=name,
                position=position,
            )
    return agreement


def update_agreement(agreement, *, by, uploaded=None, **fields) -> ChildFriendlyAgreement:
    replaced = agreement.file.name if uploaded and agreement.file else None
    with transaction.atomic():
        agreement = update_object(agreement, by=by, **_with_file(fields, uploaded))
        _remove_after_commit(agreement, replaced)
    return agreement


def update_step(step, *, by, uploaded=None, **fields) -> ChildFriendlyStep:
    """Record a step's dates, decision and document; starting or completing it is logged as a
    status change."""
    replaced = step.file.name if uploaded and step.file else None
    with transaction.atomic():
        step = ChildFriendlyStep.objects.select_for_update().get(pk=step.pk)
        fields = _with_file(fields, uploaded)
        started = fields.get("started_on", step.started_on)
        completed = fields.get("completed_on", step.completed_on)
        after = "done" if completed else ("ongoing" if started else "not_started")
        changed = after != step.state
        action = AuditEntry.Action.TRANSITION if changed else AuditEntry.Action.UPDATE
        step = update_object(step, by=by, action=action, **fields)
        _remove_after_commit(step, replaced)
    return step


def where_it_stands(steps) -> ChildFriendlyStep | None:
    """The step the organisation is at: the first one not completed (None when all are)."""
    return next((step for step in steps if step.state != "done"), None)
