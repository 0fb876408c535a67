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
        parser.add_argument(
            "--migrate",
            action="store_true",
            help="restore a backup of an older schema version, then migrate it",
        )
        parser.add_argument(
            "--media-only",
            action="store_true",
            help="restore only the uploaded files (after a point-in-time recovery)",
        )

    def handle(self, *args, archive, force=False, migrate=False, media_only=False, **options):
        try:
            result = restore_from(archive, force=force, migrate=migrate, media_only=media_only)
        except (BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        if media_only:
            self.stdout.write(f"Restored and verified: {result.files} files (no database).")
            return
        self.stdout.write(
            f"Restored and verified: {result.rows} rows in {result.tables} tables, "
            f"{result.files} files."
        )
        if result.migrated:
            self.stdout.write(f"Then migrated: {result.migrated} migrations applied.")
