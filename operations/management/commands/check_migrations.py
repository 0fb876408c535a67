from django.core.management.base import BaseCommand, CommandError

from operations.migration_safety import findings


class Command(BaseCommand):
    help = (
        "Flag migrations with operations that lock large tables or break the running code "
        "during an upgrade, unless they are listed as reviewed (operations/migration_safety.py)."
    )

    def handle(self, *args, **options):
        found = findings()
        for finding in found:
            self.stderr.write(str(finding))
        if found:
            raise CommandError(
                f"{len(found)} unsafe migration operation(s). Change the migration (e.g. "
                "AddIndexConcurrently in a migration with atomic = False) or, with a written "
                "plan, add it to REVIEWED in operations/migration_safety.py."
            )
        self.stdout.write("Migrations: no unreviewed table-locking operations.")
