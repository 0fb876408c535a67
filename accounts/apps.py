from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import deactivation, throttle  # noqa: F401  (signal receivers)


class BarnrattAdminConfig(admin_apps.AdminConfig):
    """Django's admin with Barnrätt's site: sign-in through the app, second factor enforced."""

    default = False  # named in INSTALLED_APPS by its path
    default_site = "accounts.admin_site.BarnrattAdminSite"
