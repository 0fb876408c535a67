from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Children's participation")
    # Called by `manage.py load_demo`.
    demo_loader = "participation.demo.load_demo"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from organisations.models import Organisation

        from . import childpage, waiting  # noqa: F401  (waiting registers start-page providers)
        from .models import Consultation, ParticipationSettings

        # What a children's page view reuses (childpage.find_for_page_view) is forgotten as soon
        # as anything it shows changes in this process.
        for model in (Consultation, Organisation, ParticipationSettings):
            for signal in (post_save, post_delete):
                signal.connect(childpage.forget_found, sender=model, dispatch_uid=f"{model}-page")
