from django.core.management.base import BaseCommand

from organisations.demo import load_demo


class Command(BaseCommand):
    help = "Load the demo organisations, bodies, networks and users (safe to run again)."

    def handle(self, *args, **options):
        load_demo()
        self.stdout.write(self.style.SUCCESS("Demo data is in place."))
