from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConventionConfig(AppConfig):
    name = "convention"
    verbose_name = _("The Convention")
    # Called by `manage.py load_demo`.
    demo_loader = "convention.reference.load_demo"
