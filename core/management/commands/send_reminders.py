"""Tell people what falls due today: follow-ups, peer-review reports (run daily, e.g. by a
systemd timer, before `send_digests`)."""

import datetime

from django.core.management.base import BaseCommand

from core.notify import send_reminders


class Command(BaseCommand):
    help = "Queue today's reminders (follow-ups, peer-review reports) for those who chose e-mail."

    def add_arguments(self, parser):
        parser.add_argument("--day", type=datetime.date.fromisoformat, help="YYYY-MM-DD")

    def handle(self, *args, **options):
        told = send_reminders(options["day"])
        self.stdout.write(f"reminders queued for {told} people")
