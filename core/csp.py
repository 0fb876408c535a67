"""django-csp's middleware, with the policy built once from the settings instead of per response.

django-csp builds the enforced and the report-only policy from the settings on every response:
about 0.1 ms, a quarter of a children's page view (docs/performance.md, eighth round). Barnrätt
uses no nonce and no per-view CSP decorator, so the policy is the same for every response; it is
built once per process and rebuilt when a test changes the settings. Anything else (a nonce that
was used, a decorator's config, update or replace, an exempt or excluded response, the debug
pages) is left to django-csp itself.
"""

from functools import cache

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, PolicyParts
from csp.middleware import CSPMiddleware as LibraryCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

NOTHING_PER_RESPONSE = PolicyParts()
EXEMPT = ("_csp_exempt", "_csp_exempt_ro")
SETTINGS = ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY")


@cache
def settings_policy(report_only: bool) -> str:
    """The policy the settings alone give, as django-csp builds it ("" when none is set)."""
    return build_policy(report_only=report_only)


@receiver(setting_changed)
def forget_settings_policy(*, setting, **kwargs):
    if setting in SETTINGS:
        settings_policy.cache_clear()


class CSPMiddleware(LibraryCSPMiddleware):
    def process_response(self, request, response):
        if not self._settings_alone(request, response):
            return super().process_response(request, response)
        for header, report_only in ((HEADER, False), (HEADER_REPORT_ONLY, True)):
            policy = settings_policy(report_only)
            if policy and header not in response:
                response[header] = policy
        # As django-csp does: a nonce asked for after the header was written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def _settings_alone(self, request, response) -> bool:
        """True when this response's policy is the settings' own, the same for every response."""
        return (
            self.get_policy_parts(request, response) == NOTHING_PER_RESPONSE
            and self.get_policy_parts(request, response, report_only=True) == NOTHING_PER_RESPONSE
            and not any(getattr(response, name, False) for name in EXEMPT)
            and not settings.DEBUG
            and not any(
                (getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES")
                for name in SETTINGS
            )
        )
