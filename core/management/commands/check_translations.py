"""Fail when a Swedish translation is missing or fuzzy, after refreshing the catalogue from code."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Refresh the Swedish catalogue from the code and fail on untranslated strings."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-refresh", action="store_true", help="Check the .po file as it is."
        )

    def handle(self, *args, **options):
        if not options["no_refresh"]:
            call_command(
                "makemessages",
                locale=["sv"],
                no_obsolete=True,
                no_location=True,
                ignore_patterns=[".venv", "staticfiles"],
                verbosity=0,
            )
        po_path = Path(settings.LOCALE_PATHS[0]) / "sv" / "LC_MESSAGES" / "django.po"
        catalogue = polib.pofile(str(po_path))
        missing = [
            entry.msgid for entry in catalogue if not entry.translated() and not entry.obsolete
        ]
        if missing:
            listing = "\n".join(f"  {msgid!r}" for msgid in missing[:50])
            raise CommandError(f"{len(missing)} Swedish translations missing or fuzzy:\n{listing}")
        self.stdout.write(
            self.style.SUCCESS(f"All {len(catalogue)} strings are translated into Swedish.")
        )
