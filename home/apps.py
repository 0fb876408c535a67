from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The front door: the landing page, the signed-in start page, the accessibility
    statement and an object's change history. It sits just above organisations, so the
    shared building blocks in core need no knowledge of memberships."""

    name = "home"
    verbose_name = _("Start")
