"""Applying retention rules: each rule removes only its own organisation's records of its own
type that were closed before the cutoff, each with an audit entry, and the run is recorded."""

import logging
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.models import Case
from core.audit import create_object, delete_object, update_object
from core.dates import months_before
from indicators.models import ImportRun
from participation.models import Consultation
from training.models import TrainingSession
from youthforum.models import ForumMeeting

from .models import RecordType, Removal, RetentionRule

logger = logging.getLogger("barnratt.retention")


def due(rule: RetentionRule, today: date):
    """The records the rule removes today."""
    cutoff = months_before(today, rule.keep_months)
    if rule.record_type == RecordType.DECIDED_CASES:
        return Case.objects.filter(
            organisation_id=rule.organisation_id,
            status=Case.Status.DECIDED,
            decision_date__lt=cutoff,
        ).order_by("pk")
    if rule.record_type == RecordType.FORUM_MEETINGS:
        return ForumMeeting.objects.filter(
            organisation_id=rule.organisation_id, held_on__lt=cutoff
        ).order_by("pk")
    if rule.record_type == RecordType.CONSULTATIONS:
        # Only closed ones, and only with a closing date: an open or undated consultation stays.
        return Consultation.objects.filter(
            organisation_id=rule.organisation_id,
            status__in=[Consultation.Status.CLOSED, Consultation.Status.ANSWERED],
            closes_on__lt=cutoff,
        ).order_by("pk")
    if rule.record_type == RecordType.TRAINING_SESSIONS:
        return TrainingSession.objects.filter(
            organisation_id=rule.organisation_id, held_on__lt=cutoff
        ).order_by("pk")
    if rule.record_type == RecordType.INDICATOR_IMPORTS:
        return ImportRun.objects.filter(
            organisation_id=rule.organisation_id, created_at__date__lt=cutoff
        ).order_by("pk")
    raise ValueError(rule.record_type)


def apply_rule(rule: RetentionRule, *, today: date | None = None, dry_run=False) -> list[int]:
    """Remove what is due under the rule (or only list it); returns the ids."""
    today = today or timezone.localdate()
    records = list(due(rule, today))
    ids = [record.pk for record in records]
    if dry_run or not records:
        return ids
    note = _("Removed under the retention decision %(reference)s") % {
        "reference": rule.decision_reference
    }
    files = []
    with transaction.atomic():
        for record in records:
            files += _files_of(record)
            delete_object(record, by=None, note=note)
        create_object(
            Removal,
            by=None,
            organisation_id=rule.organisation_id,
            rule=rule,
            record_type=rule.record_type,
            decision_reference=rule.decision_reference,
            cutoff=months_before(today, rule.keep_months),
            count=len(ids),
            record_ids=ids,
        )
        # Files go only when the rows are gone for good.
        transaction.on_commit(lambda: [stored.delete(save=False) for stored in files])
    logger.info(
        "retention",
        extra={
            "retention": {
                "rule": rule.pk,
                "organisation_id": rule.organisation_id,
                "record_type": rule.record_type,
                "count": len(ids),
                "ids": ids,
            }
        },
    )
    return ids


def _files_of(record) -> list:
    if isinstance(record, Case):
        return [a.file for a in record.attachments.all() if a.file]
    if isinstance(record, TrainingSession):
        return [m.file for m in record.materials.all() if m.file]
    return []


def save_rule(organisation, *, by, rule: RetentionRule | None = None, **fields) -> RetentionRule:
    if rule is None:
        return create_object(RetentionRule, by=by, organisation=organisation, **fields)
    return update_object(rule, by=by, **fields)


def delete_rule(rule: RetentionRule, *, by) -> None:
    delete_object(rule, by=by)
