"""Changes to trainings, headcounts and coverage targets. Views and the demo call these; each
writes its audit entries in the same transaction through `core.audit`."""

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from core.audit import create_object, delete_object, update_object
from core.uploads import check_upload, display_name, stored_name
from organisations.models import Body, Membership

from .models import (
    CoverageTarget,
    Headcount,
    SessionBody,
    TargetGroup,
    TrainingMaterial,
    TrainingSession,
)


def bodies_for(organisation):
    """The organisation's own bodies and the joint bodies that serve it."""
    return (
        Body.objects.filter(Q(organisation=organisation) | Q(served_organisations=organisation))
        .distinct()
        .order_by("name")
    )


def _check_session(organisation, fields, body_counts, attendees):
    counts = {body: int(n) for body, n in body_counts.items() if n}
    if not counts:
        raise ValidationError(_("Give the number of participants from at least one body."))
    allowed = set(bodies_for(organisation).values_list("pk", flat=True))
    if any(body.pk not in allowed for body in counts):
        raise ValidationError(_("A body does not belong to the organisation."))
    if attendees and fields.get("target_group") != TargetGroup.STAFF:
        raise ValidationError({"attendees": _("Names are recorded for staff trainings only.")})
    members = set(
        Membership.objects.filter(organisation=organisation).values_list("user_id", flat=True)
    )
    if any(user.pk not in members for user in attendees):
        raise ValidationError({"attendees": _("Everyone named must work in the organisation.")})
    return counts


def create_session(
    organisation, *, by, body_counts: dict, attendees=(), **fields
) -> TrainingSession:
    """A session with the participants from each body; the total is their sum."""
    attendees = list(attendees)
    counts = _check_session(organisation, fields, body_counts, attendees)
    with transaction.atomic():
        session = create_object(
            TrainingSession,
            by=by,
            organisation=organisation,
            participants=sum(counts.values()),
            m2m={"attendees": attendees},
            **fields,
        )
        for body, participants in counts.items():
            create_object(
                SessionBody,
                by=by,
                organisation=organisation,
                session=session,
                body=body,
                participants=participants,
            )
    return session


def update_session(session: TrainingSession, *, by, body_counts: dict, attendees=(), **fields):
    attendees = list(attendees)
    fields.setdefault("target_group", session.target_group)
    counts = _check_session(session.organisation, fields, body_counts, attendees)
    with transaction.atomic():
        session = TrainingSession.objects.select_for_update().get(pk=session.pk)
        existing = {row.body_id: row for row in SessionBody.objects.filter(session=session)}
        for body, participants in counts.items():
            row = existing.pop(body.pk, None)
            if row is None:
                create_object(
                    SessionBody,
                    by=by,
                    organisation_id=session.organisation_id,
                    session=session,
                    body=body,
                    participants=participants,
                )
            else:
                update_object(row, by=by, participants=participants)
        for row in existing.values():
            delete_object(row, by=by)
        session = update_object(
            session,
            by=by,
            participants=sum(counts.values()),
            m2m={"attendees": attendees},
            **fields,
        )
    return session


def delete_session(session: TrainingSession, *, by) -> None:
    with transaction.atomic():
        for material in TrainingMaterial.objects.filter(session=session):
            delete_material(material, by=by)
        for row in SessionBody.objects.filter(session=session):
            delete_object(row, by=by)
        delete_object(session, by=by)


def add_material(session: TrainingSession, *, by, title: str, uploaded) -> TrainingMaterial:
    try:
        content_type, extension = check_upload(uploaded)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    return create_object(
        TrainingMaterial,
        by=by,
        organisation_id=session.organisation_id,
        session=session,
        title=title,
        content_type=content_type,
        size=uploaded.size,
        original_name=display_name(uploaded.name),
        file=File(uploaded, name=stored_name(extension)),
    )


def delete_material(material: TrainingMaterial, *, by) -> None:
    stored, storage = material.file.name, material.file.storage
    with transaction.atomic():
        delete_object(material, by=by)
        # After the transaction: a failed delete must not lose the file.
        transaction.on_commit(lambda: storage.delete(stored))


def set_headcounts(organisation, year: int, *, by, counts: dict) -> None:
    """Store the headcounts of a year: {(body, target group): number or None}; None removes."""
    allowed = set(bodies_for(organisation).values_list("pk", flat=True))
    with transaction.atomic():
        existing = {
            (row.body_id, row.target_group): row
            for row in Headcount.objects.select_for_update().filter(
                organisation=organisation, year=year
            )
        }
        for (body, group), count in counts.items():
            if body.pk not in allowed:
                raise ValidationError(_("A body does not belong to the organisation."))
            row = existing.get((body.pk, group))
            if count is None:
                if row is not None:
                    delete_object(row, by=by)
            elif row is None:
                create_object(
                    Headcount,
                    by=by,
                    organisation=organisation,
                    body=body,
                    year=year,
                    target_group=group,
                    count=count,
                )
            else:
                update_object(row, by=by, count=count)


def set_target(organisation, year: int, percent, *, by) -> CoverageTarget | None:
    """The coverage target of a year; None removes it."""
    with transaction.atomic():
        target = (
            CoverageTarget.objects.select_for_update()
            .filter(organisation=organisation, year=year)
            .first()
        )
        if percent is None:
            if target is not None:
                delete_object(target, by=by)
            return None
        if target is None:
            return create_object(
                CoverageTarget, by=by, organisation=organisation, year=year, percent=percent
            )
        return update_object(target, by=by, percent=percent)
