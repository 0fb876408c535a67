import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.register import register_extract
from operations.security import record


class Command(BaseCommand):
    help = "Write a staff user's register extract (GDPR article 15) as JSON to standard output."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"No user named {username!r}.") from error
        record("register_extract", user=user, by="manage.py")
        self.stdout.write(json.dumps(register_extract(user), ensure_ascii=False, indent=1))
