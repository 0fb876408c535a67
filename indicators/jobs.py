"""The statistics import as a job (core/jobs.py): the upload waits in the file storage, a
worker checks and saves it, the page shows its progress and its outcome."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from core import jobs
from core.models import Job

from . import progress
from .imports.core import ImportFailed, run_import
from .models import ImportRun, Indicator

KIND = "indicators.jobs.import_file"


def start_import(data: bytes, *, organisation, by, token: str, options: dict):
    """Keep the file and queue its import. The page's token is the job's key: the same form
    sent twice (a double click, a reload) is imported once."""

    key = f"indicator-import:{organisation.pk}:{token}"
    existing = Job.objects.filter(key=key).first()
    if existing is not None and existing.status != Job.Status.FAILED:
        return existing
    path = default_storage.save(f"imports/{organisation.pk}/{token}.upload", ContentFile(data))
    progress.Progress(token, by.pk)("queued")
    return jobs.start(
        KIND,
        key=key,
        organisation=organisation,
        by=by,
        arguments={"path": path, "token": token, **options},
    )


def summary_of(run: ImportRun) -> dict:
    summary = {name: getattr(run, name) for name in ("added", "changed", "unchanged", "skipped")}
    return summary | {"total": run.added + run.changed + run.unchanged}


def import_file(job) -> dict:
    arguments = job.arguments
    done = ImportRun.objects.filter(job=job).first()
    if done is not None:  # the job ran to its end before, its worker killed after that
        _forget(arguments["path"])
        return summary_of(done)
    with default_storage.open(arguments["path"], "rb") as stored:
        data = stored.read()
    fmt = arguments["format"]
    tracker = progress.Progress(
        arguments["token"], job.created_by_id, progress.estimated_rows(data, fmt), job.pk
    )
    indicator = None
    if arguments.get("indicator"):
        indicator = Indicator.objects.get(pk=arguments["indicator"])
    try:
        summary, run = run_import(
            data,
            fmt=fmt,
            organisation=job.organisation,
            by=job.created_by,
            file_name=arguments.get("file_name", ""),
            indicator=indicator,
            skip_unknown_areas=arguments.get("skip_unknown_areas", False),
            progress=tracker,
            job=job,
        )
    except ImportFailed as failure:
        tracker("failed")
        _forget(arguments["path"])
        raise jobs.JobFailed(str(failure), {"errors": failure.errors}) from failure
    tracker("done", summary.total)
    _forget(arguments["path"])
    return summary_of(run)


def _forget(path: str) -> None:
    """The upload is not kept once its figures are saved (or refused)."""
    default_storage.delete(path)
