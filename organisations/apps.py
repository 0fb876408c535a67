from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Organisations")
    # Called by `manage.py load_demo`.
    demo_loader = "organisations.demo.load_demo"

    def ready(self):
        from core.tenancy import register_organisation_ids

        from .access import user_access

        register_organisation_ids(lambda user: user_access(user).sorted_organisation_ids)
