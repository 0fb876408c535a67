"""Fetch values from Kolada's API (KOLADA_BASE_URL) and import them like a downloaded file."""

from django.core.management.base import BaseCommand, CommandError

from indicators.imports.client import KoladaClient, KoladaError
from indicators.imports.core import ImportFailed, run_import
from indicators.models import Indicator
from indicators.services import store_municipality_groups
from organisations.models import Organisation


class Command(BaseCommand):
    help = (
        "Fetch the catalogue's Kolada indicators for the organisations in Barnrätt (all pages, "
        "or nothing), or with --groups Kolada's municipality groups."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisation", required=True, help="SCB code of the importer")
        parser.add_argument("--kpi", action="append", help="Kolada KPI id (default: all)")
        parser.add_argument("--year", action="append", type=int)
        parser.add_argument(
            "--groups",
            action="store_true",
            help="Fetch Kolada's municipality groups (for comparisons) instead of figures",
        )

    def handle(self, *args, **options):
        organisation = Organisation.objects.filter(scb_code=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No organisation with SCB code {options['organisation']}")
        if options["groups"]:
            try:
                counts = store_municipality_groups(KoladaClient().municipality_groups())
            except KoladaError as error:
                raise CommandError(str(error)) from None
            self.stdout.write(
                "groups added {added}, changed {changed}, removed {removed}".format(**counts)
            )
            return
        kpis = options["kpi"] or list(
            Indicator.objects.filter(source="kolada", organisation=None)
            .exclude(source_id="")
            .values_list("source_id", flat=True)
        )
        areas = sorted(
            code if len(code) == 4 else f"00{code}"
            for code in Organisation.objects.exclude(scb_code="").values_list("scb_code", flat=True)
        )
        try:
            data = KoladaClient().fetch(kpis, [*areas, "0000"], options["year"] or ())
            summary, _run = run_import(
                data, fmt="kolada_json", organisation=organisation, by=None, file_name="Kolada API"
            )
        except KoladaError as error:
            raise CommandError(str(error)) from None
        except ImportFailed as failure:
            for line, message in failure.errors:
                self.stderr.write(f"{line}: {message}")
            raise CommandError("Nothing was imported.") from None
        self.stdout.write(
            f"added {summary.added}, changed {summary.changed}, unchanged {summary.unchanged}"
        )
