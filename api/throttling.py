"""Throttling per API token: one case-management system cannot starve the others."""

from rest_framework.throttling import SimpleRateThrottle


class TokenRateThrottle(SimpleRateThrottle):
    """BARNRATT_API_RATE requests per token (the `token` rate), counted in Django's cache."""

    scope = "token"

    def get_cache_key(self, request, view):
        token = getattr(request.user, "token", None)
        ident = token.pk if token is not None else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
