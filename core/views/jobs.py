"""A job's state as JSON, for the page that started it (core/jobs.py, static/js/job.js)."""

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from core.models import Job


def progress_key(job_id: int) -> str:
    return f"job-progress:{job_id}"


def report_progress(job, phase: str, done: int = 0, total: int = 0) -> None:
    """How far a running job has come, in the shared cache (every node reads it)."""
    cache.set(progress_key(job.pk), {"phase": phase, "done": done, "total": total}, 60 * 30)


@login_required
def job_status(request, pk):
    # The organisation's people see its jobs, as they see what the jobs make.
    job = get_object_or_404(Job.objects.visible_to(request.user), pk=pk)
    state = {"status": job.status, "error": job.error, "finished": job.finished}
    state |= cache.get(progress_key(job.pk)) or {"phase": "", "done": 0, "total": 0}
    return JsonResponse(state, headers={"Cache-Control": "no-store"})
