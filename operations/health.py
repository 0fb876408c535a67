"""Liveness and readiness for load balancers and orchestrators.

`/healthz` answers as long as the process serves requests and touches nothing else: a
restart is the cure for its failure. `/readyz` answers 200 only when the database answers and
every migration is applied, so a new server takes traffic only when it can serve it.
"""

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

_migrated = False


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
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    if pending:
        return JsonResponse({"status": "unavailable", "migrations_pending": pending}, status=503)
    return JsonResponse({"status": "ok"})


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
