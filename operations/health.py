"""Liveness and readiness for load balancers and orchestrators.

`/healthz` answers as long as the process serves requests and touches nothing else: a
restart is the cure for its failure. `/readyz` answers 200 only when the database answers and
every migration is applied, so a new server takes traffic only when it can serve it.
"""

import logging

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

_migrated = False
# The last answer of this process, so that a failing probe is logged when it starts failing and
# when it recovers, not on every probe of the load balancer.
_last_state = "ok"
logger = logging.getLogger("barnratt.readiness")


@never_cache
@require_GET
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        pending = _pending_migrations()
    except DatabaseError as error:
        _note_state("database unreachable", error)
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    if pending:
        _note_state("migrations pending", pending)
        return JsonResponse({"status": "unavailable", "migrations_pending": pending}, status=503)
    _note_state("ok")
    return JsonResponse({"status": "ok"})


def _note_state(state: str, detail=None) -> None:
    global _last_state
    if state == _last_state:
        return
    _last_state = state
    if state == "ok":
        logger.warning("Readiness: ready again")
    else:
        logger.error("Readiness: not ready (%s: %s)", state, detail)


class QuietReadinessFilter(logging.Filter):
    """Drops Django's own "Service Unavailable: /readyz" line of each failing probe: the view
    logs a change of state once instead (a load balancer probes every few seconds)."""

    def filter(self, record):
        request = getattr(record, "request", None)
        return not (
            record.name == "django.request"
            and getattr(request, "path", "") == "/readyz"
            and getattr(record, "status_code", None) == 503
        )


def _pending_migrations() -> int:
    # Reading the migration graph costs tens of milliseconds: once every migration has been
    # found applied, a process never asks again (migrations are applied before a deploy).
    global _migrated
    if _migrated:
        return 0
    executor = MigrationExecutor(connection)
    pending = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    _migrated = pending == 0
    return pending
