from datetime import date

from django.core.management.base import BaseCommand

from archive import services
from archive.jobs import start_retention
from archive.models import RetentionRule


class Command(BaseCommand):
    help = (
        "Remove the records that retention rules (gallringsbeslut) say are due, each with an "
        "audit entry, and record what was removed under which rule. Run it nightly."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="list, remove nothing")
        parser.add_argument("--today", type=date.fromisoformat, default=None, help="YYYY-MM-DD")
        parser.add_argument(
            "--queue",
            action="store_true",
            help="queue one job per organisation for the workers (once a day), run nothing here",
        )

    def handle(self, *args, dry_run=False, today=None, queue=False, **options):
        if queue and not dry_run:
            organisations = {
                rule.organisation for rule in RetentionRule.objects.select_related("organisation")
            }
            for organisation in sorted(organisations, key=lambda o: o.pk):
                job = start_retention(organisation, today)
                self.stdout.write(f"{organisation}: job {job.pk} ({job.get_status_display()})")
            return
        verb = "would remove" if dry_run else "removed"
        for rule in RetentionRule.objects.select_related("organisation"):
            ids = services.apply_rule(rule, today=today, dry_run=dry_run)
            self.stdout.write(
                f"{rule.organisation}: {rule.get_record_type_display()} "
                f"({rule.decision_reference}): {verb} {len(ids)}"
            )
