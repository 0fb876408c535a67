from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = _("Agreements and regulations")
    # Called by `manage.py load_demo`.
    demo_loader = "agreements.demo.load_demo"
