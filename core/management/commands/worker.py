import socket

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from core import jobs


class Command(BaseCommand):
    help = (
        "Run jobs (imports, report publication, archive packages, retention): django-tasks-db's "
        "db_worker, after queueing again what a killed worker with the same id left running and "
        "what has run longer than BARNRATT_TASK_STALE_SECONDS (docs/operations.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--worker-id",
            default=f"{socket.gethostname()}-1"[-64:],
            help="unique in the pool and the same after a restart (default: host name-1)",
        )
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between polls")
        parser.add_argument("--batch", action="store_true", help="run what is queued, then stop")
        parser.add_argument("--max-tasks", type=int, default=None)
        parser.add_argument(
            "--recover-only", action="store_true", help="queue stale jobs again, run nothing"
        )

    def handle(self, *args, worker_id, interval, batch, max_tasks, recover_only, **options):
        again = jobs.recover(worker_id=worker_id, older_than=settings.TASK_STALE_SECONDS)
        self.stdout.write(f"Queued again: {len(again)} task(s) {' '.join(again)}".rstrip())
        if recover_only:
            return
        call_command(
            "db_worker",
            worker_id=worker_id,
            interval=interval,
            batch=batch,
            max_tasks=max_tasks,
            reload=False,
            startup_delay=False,
            verbosity=options["verbosity"],
        )
