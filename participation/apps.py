from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Children's participation")
    # Called by `manage.py load_demo`.
    demo_loader = "participation.demo.load_demo"

    def ready(self):
        from . import waiting  # noqa: F401  (registers the start-page providers)
