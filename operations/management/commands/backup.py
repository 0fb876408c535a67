from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from operations.backups import backup_to


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into one .tar.gz (docs/operations.md)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", type=Path, default=None, help="folder for the archive (BARNRATT_BACKUP_DIR)"
        )

    def handle(self, *args, output=None, **options):
        archive = backup_to(output or Path(settings.BACKUP_DIR))
        self.stdout.write(str(archive))
