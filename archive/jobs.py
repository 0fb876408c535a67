"""Archive packages and retention runs as jobs (core/jobs.py).

A package made on the page is built by a worker into the file storage and downloaded from there
(`export_package`); the page's token is the job's key and the package names its job, so a job
run twice (a killed worker's) makes one package. Retention runs one job per organisation and
day, so the nightly run queued twice runs once, and a run interrupted half-way removes the rest
when run again (each rule removes what is due and records nothing when nothing is)."""

import tempfile
from datetime import date

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import jobs

from . import services
from .eark.package import NothingToExport, build_package
from .models import ArchiveExport, RetentionRule

KIND = "archive.jobs.apply_retention"
EXPORT_KIND = "archive.jobs.export_package"


def start_export(organisation, *, by, token: str, cleaned: dict):
    return jobs.start(
        EXPORT_KIND,
        key=f"archive-export:{organisation.pk}:{token}",
        organisation=organisation,
        by=by,
        arguments={
            "decided_from": cleaned["decided_from"].isoformat(),
            "decided_to": cleaned["decided_to"].isoformat(),
            "submission_agreement": cleaned.get("submission_agreement", ""),
            "preservation_agent": cleaned.get("preservation_agent", ""),
        },
    )


def export_package(job) -> dict:
    made = ArchiveExport.objects.filter(job=job).first()
    if made is None:
        arguments = job.arguments
        with tempfile.TemporaryFile() as output, transaction.atomic():
            try:
                build_package(
                    job.organisation,
                    date.fromisoformat(arguments["decided_from"]),
                    date.fromisoformat(arguments["decided_to"]),
                    output,
                    by=job.created_by,
                    submission_agreement=arguments["submission_agreement"],
                    preservation_agent=arguments["preservation_agent"],
                    job=job,
                )
            except NothingToExport as nothing:
                raise jobs.JobFailed(_("No case was decided in that period.")) from nothing
            made = ArchiveExport.objects.get(job=job)
            output.seek(0)
            # Stored before the record commits: a package on record always has its file.
            default_storage.save(made.stored_name, File(output))
    return {"export": made.pk, "objid": made.objid}


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
