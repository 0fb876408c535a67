from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeerReviewConfig(AppConfig):
    name = "peerreview"
    verbose_name = _("Peer review")
    # Called by `manage.py load_demo`.
    demo_loader = "peerreview.demo.load_demo"

    def ready(self):
        from . import notifications, waiting  # noqa: F401  (start page, reminders)
