from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Cases and assessments")
    # Called by `manage.py load_demo`.
    demo_loader = "assessments.demo.load_demo"

    def ready(self):
        from . import calendar, waiting  # noqa: F401  (register the start page's and feed's)
