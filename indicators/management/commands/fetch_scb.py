"""Fetch a table from SCB's PxWebApi 2.0 (SCB_BASE_URL) as json-stat2 and import it."""

from django.core.management.base import BaseCommand, CommandError

from indicators.imports.client import ScbClient, ScbError
from indicators.imports.core import ImportFailed, run_import
from indicators.models import Indicator
from organisations.models import Organisation


def selection_argument(text: str) -> tuple[str, list[str]]:
    name, _sep, codes = text.partition("=")
    if not name or not codes:
        raise ValueError(text)
    return name, codes.split(",")


class Command(BaseCommand):
    help = (
        "Fetch an SCB table (PxWebApi 2.0, json-stat2) for the organisations in Barnrätt and "
        "Riket, and import it; nothing is written if any figure is wrong."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisation", required=True, help="SCB code of the importer")
        parser.add_argument("--table", required=True, help="SCB table id, such as TAB638")
        parser.add_argument("--indicator", help="Catalogue code (else matched by contents code)")
        parser.add_argument("--year", action="append", help="Year (default: the latest five)")
        parser.add_argument(
            "--select",
            action="append",
            type=selection_argument,
            default=[],
            metavar="DIMENSION=CODE,CODE",
            help="Value codes of another dimension, such as Kon=1,2 or ContentsCode=BE0101N1",
        )
        parser.add_argument("--region-dimension", default="Region")
        parser.add_argument("--time-dimension", default="Tid")
        parser.add_argument("--skip-unknown-areas", action="store_true")

    def handle(self, *args, **options):
        organisation = Organisation.objects.filter(scb_code=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No organisation with SCB code {options['organisation']}")
        indicator = None
        if options["indicator"]:
            indicator = Indicator.objects.filter(code=options["indicator"]).first()
            if indicator is None:
                raise CommandError(f"No indicator {options['indicator']}")
        # Riket is "00" in SCB's tables; the import stores it as "0000".
        areas = sorted(
            set(Organisation.objects.exclude(scb_code="").values_list("scb_code", flat=True))
        )
        selection = {options["region_dimension"]: [*areas, "00"]}
        selection[options["time_dimension"]] = options["year"] or ["top(5)"]
        selection |= dict(options["select"])
        try:
            data = ScbClient().fetch(options["table"], selection)
            summary, _run = run_import(
                data,
                fmt="scb_json",
                organisation=organisation,
                by=None,
                file_name=f"SCB {options['table']}",
                indicator=indicator,
                skip_unknown_areas=options["skip_unknown_areas"],
            )
        except ScbError as error:
            raise CommandError(str(error)) from None
        except ImportFailed as failure:
            for line, message in failure.errors:
                self.stderr.write(f"{line}: {message}" if line else message)
            raise CommandError("Nothing was imported.") from None
        self.stdout.write(
            f"added {summary.added}, changed {summary.changed}, "
            f"unchanged {summary.unchanged}, skipped {summary.skipped}"
        )
