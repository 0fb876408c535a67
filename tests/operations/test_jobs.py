"""Jobs (core/jobs.py, decision 0033): started once per key, retried after an unexpected error,
final when refused, run again after a killed worker without doing their work twice, and
shown only to their organisation."""

import signal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core import jobs
from core.models import AuditEntry, Job
from indicators.models import ImportRun, IndicatorValue
from tests.indicators.test_progress import FILE, TOKEN

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
calls: list = []


def work(job):
    calls.append(job.pk)
    return {"calls": len(calls)}


def flaky(job):
    calls.append(job.pk)
    if job.attempts < 2:
        raise ConnectionError("the database went away for a moment")
    return {"attempt": job.attempts}


def broken(job):
    raise RuntimeError("a bug")


def refused(job):
    raise jobs.JobFailed("The file is wrong.", {"errors": [[3, "Not a number"]]})


@pytest.fixture(autouse=True)
def _no_calls():
    calls.clear()


def start(kind, organisation, key="k", by=None):
    return jobs.start(
        f"tests.operations.test_jobs.{kind}", key=key, organisation=organisation, by=by
    )


def test_starting_a_key_twice_runs_the_job_once(karlskoga):
    first = start("work", karlskoga)
    again = start("work", karlskoga)
    assert first.pk == again.pk and again.status == Job.Status.DONE
    assert again.result == {"calls": 1} and calls == [first.pk]


def test_an_unexpected_error_is_retried_until_the_job_succeeds(karlskoga):
    job = start("flaky", karlskoga)
    assert job.status == Job.Status.DONE and job.attempts == 2
    assert job.result == {"attempt": 2} and len(calls) == 2


def test_a_job_that_keeps_failing_fails_after_its_attempts_and_says_so(karlskoga):
    job = start("broken", karlskoga)
    assert job.status == Job.Status.FAILED and job.attempts == jobs.MAX_ATTEMPTS
    assert "IT" in job.error and job.finished_at is not None
    # Started again by the same key, a failed job runs again from the start.
    assert start("broken", karlskoga).attempts == jobs.MAX_ATTEMPTS


def test_a_refused_job_is_final_with_its_reasons(karlskoga):
    job = start("refused", karlskoga)
    assert job.status == Job.Status.FAILED and job.attempts == 1
    assert job.error == "The file is wrong." and job.result == {"errors": [[3, "Not a number"]]}


def test_a_job_is_shown_to_its_organisation_only(client, coordinator, outsider, karlskoga):
    job = start("work", karlskoga)
    url = reverse("core:job_status", args=[job.pk])
    client.force_login(coordinator)
    state = client.get(url).json()
    assert state["status"] == "done" and state["finished"] is True
    client.force_login(outsider)
    assert client.get(url).status_code == 404


def _restoring_signals():
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    return lambda: [signal.signal(s, handler) for s, handler in saved.items()]


def test_a_killed_workers_job_runs_when_a_worker_with_its_id_starts(
    karlskoga, settings, monkeypatch
):
    """The database backend and a real worker: a task left RUNNING by worker w1 (killed) is
    queued again when w1 starts again; another worker's recent task is left alone, an old one
    is queued again. (scripts/two_nodes.sh kills a real worker process.)"""
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_TASKS
    # Inside the test's transaction, as Django's test client does for requests.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    killed = start("work", karlskoga, key="killed")
    busy = start("work", karlskoga, key="busy")
    stuck = start("work", karlskoga, key="stuck")
    assert calls == [] and killed.status == Job.Status.QUEUED  # nothing runs in the request
    for job, worker in ((killed, "w1"), (busy, "w2"), (stuck, "w3")):
        DBTaskResult.objects.get(pk=job.task_id).claim(worker)
        Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, attempts=1)
    long_ago = timezone.now() - timezone.timedelta(seconds=settings.TASK_STALE_SECONDS + 1)
    DBTaskResult.objects.filter(pk=stuck.task_id).update(started_at=long_ago)

    restore = _restoring_signals()
    try:
        call_command("worker", worker_id="w1", batch=True, verbosity=0)
    finally:
        restore()

    states = dict(Job.objects.values_list("key", "status"))
    assert states == {"killed": "done", "busy": "running", "stuck": "done"}
    assert sorted(calls) == sorted([killed.pk, stuck.pk])
    assert DBTaskResult.objects.get(pk=busy.task_id).status == "RUNNING"
    assert Job.objects.get(pk=killed.pk).attempts == 2


def test_an_import_run_again_after_its_commit_writes_nothing_twice(
    client, coordinator, karlskoga, degerfors
):
    client.force_login(coordinator)
    url = reverse("indicators:import", args=[karlskoga.pk])
    upload = SimpleUploadedFile("siffror.csv", FILE.encode(), content_type="text/csv")
    client.post(url, {"format": "template", "file": upload, "progress": TOKEN})
    job = Job.objects.get()
    counts = (IndicatorValue.objects.count(), ImportRun.objects.count(), AuditEntry.objects.count())
    # The worker was killed after the import committed, before the job was marked done.
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING)
    assert jobs.run_job.call(job.pk) == "done"
    after = (IndicatorValue.objects.count(), ImportRun.objects.count(), AuditEntry.objects.count())
    assert after == counts == (7, 1, counts[2])
    assert Job.objects.get(pk=job.pk).result["added"] == 7


def test_the_same_import_form_sent_twice_imports_once(client, coordinator, karlskoga, degerfors):
    client.force_login(coordinator)
    url = reverse("indicators:import", args=[karlskoga.pk])
    for _ in range(2):
        upload = SimpleUploadedFile("siffror.csv", FILE.encode(), content_type="text/csv")
        response = client.post(url, {"format": "template", "file": upload, "progress": TOKEN})
        assert "7 tillagda" in response.content.decode()
    assert ImportRun.objects.count() == 1 and Job.objects.count() == 1


def test_a_queued_import_says_so_and_its_page_shows_the_outcome_later(
    client, coordinator, karlskoga, degerfors, settings
):
    settings.TASKS = DB_TASKS
    client.force_login(coordinator)
    url = reverse("indicators:import", args=[karlskoga.pk])
    upload = SimpleUploadedFile("siffror.csv", FILE.encode(), content_type="text/csv")
    response = client.post(url, {"format": "template", "file": upload, "progress": TOKEN})
    assert response.status_code == 202 and 'id="import-pending"' in response.content.decode()
    job = Job.objects.get()
    progress_url = reverse("indicators:import_progress", args=[karlskoga.pk, TOKEN])
    assert client.get(progress_url).json()["phase"] == "queued"
    jobs.run_job.call(job.pk)  # what the worker does
    page = client.get(url, {"job": job.pk})
    assert page.status_code == 200 and "7 tillagda" in page.content.decode()
