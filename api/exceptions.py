"""DRF's exception handler with a Swedish answer for throttling: DRF's own Swedish catalogue
lacks the "try again in N seconds" part, so the answer came half in English."""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import Throttled
from rest_framework.views import exception_handler


class TokenThrottled(Throttled):
    default_detail = _("Too many requests for this token.")
    extra_detail_singular = _("Try again in {wait} second.")
    extra_detail_plural = _("Try again in {wait} seconds.")


def handler(exc, context):
    if isinstance(exc, Throttled) and not isinstance(exc, TokenThrottled):
        exc = TokenThrottled(wait=exc.wait)
    return exception_handler(exc, context)
