"""Erase contact details that ended youth-forum memberships still hold.

Ending a membership erases them at once (`services.end_membership`); this command is the safety
net for anything that slipped past, e.g. a change made outside the service. Each erasure is
written to the audit log (which fields, never their values).
"""

from django.core.management.base import BaseCommand

from youthforum import services


class Command(BaseCommand):
    help = "Erase contact details of every youth-forum membership that has ended."

    def handle(self, *args, **options):
        count = 0
        for member in services.ended_with_contact_details().iterator():
            services.erase_contact_details(member, by=None)
            count += 1
        self.stdout.write(
            self.style.SUCCESS(f"Erased contact details of {count} ended memberships.")
        )
