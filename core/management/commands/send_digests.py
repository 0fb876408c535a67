"""Queue today's digest for everyone who chose one (run daily, e.g. by a systemd timer)."""

from django.core.management.base import BaseCommand

from core.notify import start_digests


class Command(BaseCommand):
    help = "Queue one e-mail per person who chose a daily digest of what waits for them."

    def handle(self, *args, **options):
        jobs = start_digests()
        self.stdout.write(f"{len(jobs)} digests queued")
