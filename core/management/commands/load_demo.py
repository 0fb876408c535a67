"""Load the demo data of every app that has some, in INSTALLED_APPS order (safe to run again).
An app whose demo reads every other app's (the yearly reports, published from the records)
sets `demo_order` on its AppConfig to come later."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Load the demo organisations, bodies, networks and users (safe to run again)."

    def handle(self, *args, **options):
        with transaction.atomic():
            configs = sorted(apps.get_app_configs(), key=lambda c: getattr(c, "demo_order", 0))
            for config in configs:
                loader = getattr(config, "demo_loader", None)
                if loader:
                    import_string(loader)()
        self.stdout.write(self.style.SUCCESS("Demo data is in place."))
