from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Yearly reports")
    # Called by `manage.py load_demo`.
    demo_loader = "reports.demo.load_demo"
    # After every other app's demo: a published report freezes the figures it reads.
    demo_order = 10

    def ready(self):
        from . import waiting  # noqa: F401  (registers the start-page provider)
