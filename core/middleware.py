"""Swedish first; session expiry after idle time, without writing the session on every request."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.utils.cache import add_never_cache_headers

LAST_SEEN_KEY = "barnratt_last_seen"
# The last-seen mark is refreshed at most this often, so most requests write nothing.
REFRESH_SECONDS = 60


class IdleSessionTimeoutMiddleware:
    """Logs a user out when nothing happened in their session for SESSION_IDLE_TIMEOUT."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN_KEY, now)
            if now - last_seen > settings.SESSION_IDLE_TIMEOUT:
                logout(request)
                request.session_expired = True
            elif now - last_seen >= REFRESH_SECONDS or LAST_SEEN_KEY not in request.session:
                request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)


class SwedishFirstMiddleware:
    """Serve Swedish unless the user chose English with the language menu.

    Django would otherwise follow the browser's Accept-Language, and many Swedish officials use
    browsers set to English. Placed before LocaleMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class NoStoreMiddleware:
    """`Cache-Control: no-store` on every response to a signed-in user or an API token (ASVS
    8.2.1): pages, exports and downloads hold personal data and official documents that no
    browser, proxy or shared computer should keep. Public pages stay cacheable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # DRF sets request.user to None for an API call without a token.
        if "Authorization" in request.headers or getattr(request.user, "is_authenticated", False):
            add_never_cache_headers(response)
        return response
