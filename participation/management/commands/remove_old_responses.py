"""Gallring: remove consultation responses older than each organisation's retention period.

Run it daily. Each consultation's removal is written to the audit log (how many, the cutoff and
the retention period; never what the children wrote). `--dry-run` only reports.
"""

from django.core.management.base import BaseCommand

from participation import services
from participation.models import Consultation


class Command(BaseCommand):
    help = "Remove consultation responses older than the organisation's retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only report what would be removed."
        )

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            counts = {
                consultation.pk: old.count()
                for consultation, old, _cutoff, _months in services.old_responses()
            }
            counts = {pk: count for pk, count in counts.items() if count}
        else:
            counts = services.remove_old_responses()
        titles = dict(Consultation.objects.filter(pk__in=counts).values_list("pk", "title"))
        verb = "Would remove" if dry_run else "Removed"
        for pk, count in counts.items():
            self.stdout.write(f"{verb} {count} responses from consultation {pk} ({titles[pk]}).")
        total = sum(counts.values())
        self.stdout.write(self.style.SUCCESS(f"{verb} {total} responses in all."))
