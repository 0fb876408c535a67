from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge bank")
    # Called by `manage.py load_demo`.
    demo_loader = "knowledge.demo.load_demo"
