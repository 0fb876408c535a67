"""Pages of API lists: `limit` and `offset`, with a ceiling so that no client can ask the
database for more rows than it can count (PostgreSQL refuses a LIMIT beyond bigint)."""

from rest_framework.pagination import LimitOffsetPagination


class CappedLimitOffsetPagination(LimitOffsetPagination):
    max_limit = 500

    def get_offset(self, request):
        # An offset beyond any real list gives an empty page, not a database error.
        return min(super().get_offset(request), 2**62)
