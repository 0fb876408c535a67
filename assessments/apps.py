from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Cases and assessments")
    # Called by `manage.py load_demo`.
    demo_loader = "assessments.demo.load_demo"

    def ready(self):
        # Register the start page's, the feed's and the reminder run's providers.
        from . import calendar, notifications, waiting  # noqa: F401
