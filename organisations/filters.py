import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Body, Organisation


class BodyFilter(django_filters.FilterSet):
    """Filters for the list of bodies (and, later, the API)."""

    q = django_filters.CharFilter(label=_("Search"), method="search")
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Body.Kind.choices)

    class Meta:
        model = Body
        fields = ["q", "organisation", "kind"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["organisation"].queryset = Organisation.objects.visible_to(user)

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(description__icontains=value))
