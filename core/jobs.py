"""Long work outside the web request (decision 0033).

A job is a `Job` row (what, for whom, how it went: the page that started it reads it) and a
task of Django's tasks framework that a worker runs (`manage.py worker`). The framework is
django-tasks, the backport of Django 6.0's `django.tasks` (same API: the upgrade changes the
import), with django-tasks-db's database backend, so one machine needs no other server.

- Idempotent: a job has a key, and starting a key again returns the job that has it (a failed
  one is run again). The work itself must be idempotent too (an import keyed by its job writes
  its figures once), because a job may run twice: see the next two points.
- Retried: an unexpected error runs the job again, up to MAX_ATTEMPTS times with a growing
  delay; `JobFailed` (the input is wrong) is final and its result shown as it is.
- Recovered: a worker killed in the middle of a job leaves its task RUNNING for ever;
  `recover` queues it again when a worker with the same id starts, or when it has run longer
  than settings.TASK_STALE_SECONDS (`manage.py worker` does both before it starts).

`kind` is the dotted path of the function that does the work: `function(job) -> dict`.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus, task, task_backends

from .models import Job

logger = logging.getLogger("barnratt.jobs")

MAX_ATTEMPTS = 3
RETRY_DELAY_SECONDS = 30  # doubled after each attempt


class JobFailed(Exception):
    """The work cannot be done as asked (a file with errors): final, not retried."""

    def __init__(self, message: str, result: dict | None = None):
        super().__init__(message)
        self.message, self.result = message, result or {}


def start(kind: str, *, key: str, organisation, by, arguments: dict | None = None) -> Job:
    """The job with this key, queued now unless it is queued, running or done already."""
    with transaction.atomic():
        job, created = Job.objects.select_for_update().get_or_create(
            key=key,
            defaults={
                "kind": kind,
                "organisation": organisation,
                "created_by": by if getattr(by, "pk", None) else None,
                "arguments": arguments or {},
            },
        )
        if not created and job.status != Job.Status.FAILED:
            return job
        if not created:  # run a failed job again, from the start
            job.status, job.attempts, job.error, job.result = Job.Status.QUEUED, 0, "", {}
            job.finished_at = None
            job.save(update_fields=["status", "attempts", "error", "result", "finished_at"])
    # Outside the transaction: the immediate backend runs the job here and now.
    _enqueue(job.pk)
    job.refresh_from_db()
    return job


def _enqueue(job_id: int, delay: int = 0) -> None:
    queued = run_job
    if delay and task_backends[run_job.backend].supports_defer:
        queued = run_job.using(run_after=timezone.now() + timedelta(seconds=delay))
    result = queued.enqueue(job_id)
    Job.objects.filter(pk=job_id, task_id="").update(task_id=str(result.id))


@task()
def run_job(job_id: int) -> str:
    """Run the job's work once; a job that is done (or failed for good) is left as it is."""
    claimed = Job.objects.filter(
        pk=job_id, status__in=[Job.Status.QUEUED, Job.Status.RUNNING]
    ).update(status=Job.Status.RUNNING, attempts=F("attempts") + 1)
    if not claimed:
        return "finished before"
    job = Job.objects.select_related("organisation", "created_by").get(pk=job_id)
    try:
        result = import_string(job.kind)(job) or {}
    except JobFailed as failure:
        _finish(job, Job.Status.FAILED, result=failure.result, error=failure.message)
        return "failed"
    except Exception:
        logger.exception("job failed", extra={"job": job.pk, "attempt": job.attempts})
        if job.attempts < MAX_ATTEMPTS:
            Job.objects.filter(pk=job.pk).update(status=Job.Status.QUEUED)
            _enqueue(job.pk, delay=RETRY_DELAY_SECONDS * 2 ** (job.attempts - 1))
        else:
            message = _("The job failed. The IT department can see why in the log.")
            _finish(job, Job.Status.FAILED, error=message)
        raise
    _finish(job, Job.Status.DONE, result=result)
    return "done"


def _storable(value):
    """`value` with NUL characters replaced: a refusal may quote a file's bytes, and
    PostgreSQL's text and jsonb refuse NUL (SQLite takes it)."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, dict):
        return {_storable(key): _storable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_storable(item) for item in value]
    return value


def _finish(job: Job, status: str, *, result: dict | None = None, error: str = "") -> None:
    Job.objects.filter(pk=job.pk).update(
        status=status,
        result=_storable(result or {}),
        error=_storable(error),
        finished_at=timezone.now(),
    )


def recover(*, worker_id: str = "", older_than: int | None = None) -> list[str]:
    """Queue again the tasks left RUNNING by a worker that is gone: those of `worker_id` (a
    worker starting under the id of one before it), and those started more than `older_than`
    seconds ago. Returns their ids. django-tasks-db has no heartbeat, so this is how a killed
    worker's job finishes; the job's work is idempotent, so running it again writes it once."""
    from django_tasks_db.models import DBTaskResult

    running = DBTaskResult.objects.running()
    stale = set()
    if older_than is not None:
        cutoff = timezone.now() - timedelta(seconds=older_than)
        old = running.filter(started_at__lt=cutoff).values_list("pk", flat=True)
        stale |= {str(pk) for pk in old}
    if worker_id:
        # worker_ids is a JSON list, which SQLite cannot search: few tasks run at once.
        stale |= {
            str(pk)
            for pk, worker_ids in running.values_list("pk", "worker_ids")
            if worker_ids and worker_ids[-1] == worker_id
        }
    if stale:
        DBTaskResult.objects.filter(pk__in=stale, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.READY, started_at=None
        )
        logger.warning("jobs queued again", extra={"tasks": sorted(stale)})
    return sorted(stale)
