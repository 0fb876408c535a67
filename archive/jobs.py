"""Retention runs as jobs (core/jobs.py): one per organisation and day, so the nightly run
queued twice runs once, and a run interrupted half-way removes the rest when run again (each
rule removes what is due and records nothing when nothing is)."""

from datetime import date

from django.utils import timezone

from core import jobs

from . import services
from .models import RetentionRule

KIND = "archive.jobs.apply_retention"


def start_retention(organisation, today: date | None = None):
    today = today or timezone.localdate()
    return jobs.start(
        KIND,
        key=f"retention:{organisation.pk}:{today.isoformat()}",
        organisation=organisation,
        by=None,
        arguments={"today": today.isoformat()},
    )


def apply_retention(job) -> dict:
    today = date.fromisoformat(job.arguments["today"])
    removed = {}
    for rule in RetentionRule.objects.filter(organisation=job.organisation).order_by("pk"):
        removed[rule.record_type] = len(services.apply_rule(rule, today=today))
    return {"removed": removed}
