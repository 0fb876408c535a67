from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.backups import BackupError, restore_from


class Command(BaseCommand):
    help = (
        "Restore a backup made by `backup` into an empty database and check every table's row "
        "count and every file against the backup's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--force", action="store_true", help="restore over a database that holds data"
        )

    def handle(self, *args, archive, force=False, **options):
        try:
            result = restore_from(archive, force=force)
        except (BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored and verified: {result.rows} rows in {result.tables} tables, "
            f"{result.files} files."
        )
