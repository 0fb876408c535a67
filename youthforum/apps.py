from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class YouthForumConfig(AppConfig):
    name = "youthforum"
    verbose_name = _("Youth forum")
    # Called by `manage.py load_demo`.
    demo_loader = "youthforum.demo.load_demo"

    def ready(self):
        from . import calendar, notifications, waiting  # noqa: F401  (providers)
