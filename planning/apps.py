from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "planning"
    verbose_name = _("Policies and action plans")
    # Called by `manage.py load_demo`.
    demo_loader = "planning.demo.load_demo"

    def ready(self):
        from . import notifications, waiting  # noqa: F401  (start page, reminders)
