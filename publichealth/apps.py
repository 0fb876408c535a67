from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicHealthConfig(AppConfig):
    name = "publichealth"
    verbose_name = _("Public-health policy")
    # Called by `manage.py load_demo`.
    demo_loader = "publichealth.reference.load_demo"
