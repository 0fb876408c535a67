from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("Networks")
    # Called by `manage.py load_demo`.
    demo_loader = "networks.demo.load_demo"

    def ready(self):
        # What networks add to the apps below them, which never import this app
        # (decision 0028): the member networks in the access statement, the knowledge bank's
        # network visibility, and the sections on an organisation's and a template's page.
        from . import calendar, extensions  # noqa: F401  (calendar registers the feed's)

        extensions.register()
