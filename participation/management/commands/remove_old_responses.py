"""Gallring: remove consultation responses older than each organisation's retention period.

Run it daily. Each consultation's removal is written to the audit log (how many, the cutoff and
the retention period; never what the children wrote). `--dry-run` only reports.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

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
        for pk, count in counts.items():
            values = {"count": count, "pk": pk, "title": titles[pk]}
            if dry_run:
                line = _("Would remove %(count)s responses from consultation %(pk)s (%(title)s).")
            else:
                line = _("Removed %(count)s responses from consultation %(pk)s (%(title)s).")
            self.stdout.write(line % values)
        total = {"total": sum(counts.values())}
        if dry_run:
            self.stdout.write(
                self.style.SUCCESS(_("Would remove %(total)s responses in all.") % total)
            )
        else:
            self.stdout.write(self.style.SUCCESS(_("Removed %(total)s responses in all.") % total))
