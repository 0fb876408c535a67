from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Children's participation")
    # Called by `manage.py load_demo`.
    demo_loader = "participation.demo.load_demo"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        # The start page's, the feed's and the hand-overs' providers.
        from . import calendar, childpage, notifications, waiting  # noqa: F401
        from .models import Consultation

        # A children's page view reuses a lookup for a moment (childpage.find_for_page_view);
        # a saved consultation is looked up afresh at once.
        for signal in (post_save, post_delete):
            signal.connect(childpage.forget_found, sender=Consultation, dispatch_uid="child-page")
