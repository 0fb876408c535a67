"""Load the demo data of every app that has some, in INSTALLED_APPS order (safe to run again)."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Load the demo organisations, bodies, networks and users (safe to run again)."

    def handle(self, *args, **options):
        with transaction.atomic():
            for config in apps.get_app_configs():
                loader = getattr(config, "demo_loader", None)
                if loader:
                    import_string(loader)()
        self.stdout.write(self.style.SUCCESS("Demo data is in place."))
