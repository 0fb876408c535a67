"""Import a file of indicator values (Kolada, SCB or Barnrätt's template)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from indicators.imports.core import ImportFailed, read_path, run_import
from indicators.models import ImportRun, Indicator
from organisations.models import Organisation


class Command(BaseCommand):
    help = "Import indicator values from a file; nothing is written if any row is wrong."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--format", required=True, choices=ImportRun.Format.values)
        parser.add_argument(
            "--organisation", required=True, help="SCB code of the organisation importing"
        )
        parser.add_argument("--indicator", help="Catalogue code (for SCB CSV)")
        parser.add_argument("--skip-unknown-areas", action="store_true")

    def handle(self, *args, **options):
        try:
            organisation = Organisation.objects.get(scb_code=options["organisation"])
        except Organisation.DoesNotExist:
            raise CommandError(f"No organisation with SCB code {options['organisation']}") from None
        indicator = None
        if options["indicator"]:
            indicator = Indicator.objects.filter(code=options["indicator"]).first()
            if indicator is None:
                raise CommandError(f"No indicator {options['indicator']}")
        try:
            data = read_path(options["path"])
            summary, _run = run_import(
                data,
                fmt=options["format"],
                organisation=organisation,
                by=None,
                file_name=Path(options["path"]).name,
                indicator=indicator,
                skip_unknown_areas=options["skip_unknown_areas"],
            )
        except ImportFailed as failure:
            for line, message in failure.errors:
                self.stderr.write(f"{line}: {message}" if line else message)
            raise CommandError("Nothing was imported.") from None
        self.stdout.write(
            f"added {summary.added}, changed {summary.changed}, "
            f"unchanged {summary.unchanged}, skipped {summary.skipped}"
        )
