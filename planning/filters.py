import django_filters
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation

from . import counts
from .models import ActionPlan, Activity


class ActivityFilter(django_filters.FilterSet):
    """Filters for the list of activities across plans; the yearly account's links use them with
    the same definitions as its figures (`counts`)."""

    organisation = django_filters.MultipleChoiceFilter(label=_("Organisation"), choices=[])
    year = django_filters.NumberFilter(
        label=_("Year"), method="filter_year", min_value=1900, max_value=2999
    )
    part = django_filters.ChoiceFilter(
        label=_("Plans"),
        method="filter_part",
        choices=[
            (counts.CHILD_RIGHTS, _("Child-rights plans")),
            (counts.PUBLIC_HEALTH, _("Public-health plans")),
        ],
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Activity.Status.choices)
    area = django_filters.CharFilter(label=_("Priority area"), field_name="goal__area__title")
    target_area = django_filters.NumberFilter(
        label=_("Public-health target area"),
        method="filter_target_area",
        min_value=0,
        max_value=99,
    )

    class Meta:
        model = Activity
        fields = ["organisation", "year", "part", "status", "area", "target_area"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.visible_to(user).order_by("name")
        self.filters["organisation"].extra["choices"] = list(
            organisations.values_list("pk", "name")
        )

    def filter_year(self, queryset, name, value):
        plans = ActionPlan.objects.filter(counts.plan_covers(int(value)))
        return queryset.filter(counts.active_in(int(value)), plan__in=plans)

    def filter_part(self, queryset, name, value):
        return queryset.filter(plan__in=ActionPlan.objects.filter(counts.plan_part(value)))

    def filter_target_area(self, queryset, name, value):
        # 0: no target area given, as the public-health section's table says.
        if not value:
            return queryset.filter(target_areas__isnull=True)
        return queryset.filter(pk__in=queryset.filter(target_areas__number=int(value)).values("pk"))
