"""Pages of API lists: `limit` and `offset`, with a ceiling so that no client can ask the
database for more rows than it can count (PostgreSQL refuses a LIMIT beyond bigint)."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination


class CappedLimitOffsetPagination(LimitOffsetPagination):
    max_limit = 500

    def paginate_queryset(self, queryset, request, view=None):
        # DRF falls back to the defaults for "1.5" or "x"; the schema says integer, so say 400.
        for name in (self.limit_query_param, self.offset_query_param):
            value = request.query_params.get(name)
            if value is not None and not value.strip().lstrip("-").isdigit():
                raise ValidationError({name: [_("Enter a whole number.")]})
        return super().paginate_queryset(queryset, request, view)

    def get_offset(self, request):
        # An offset beyond any real list gives an empty page, not a database error.
        return min(super().get_offset(request), 2**62)
