import django_filters
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation

from . import counts
from .models import Consultation


class ConsultationFilter(django_filters.FilterSet):
    """Filters for the consultation list; the yearly account's links use the last three, with
    the same definitions as its figures (`counts`)."""

    status = django_filters.ChoiceFilter(label=_("Status"), choices=Consultation.Status.choices)
    organisation = django_filters.MultipleChoiceFilter(label=_("Organisation"), choices=[])
    held_year = django_filters.NumberFilter(
        label=_("Held in year"), method="filter_held_year", min_value=1900, max_value=2999
    )
    feedback = django_filters.ChoiceFilter(
        label=_("Feedback on a decided case"),
        method="filter_feedback",
        choices=[("given", _("Given")), ("owed", _("Still owed"))],
    )

    class Meta:
        model = Consultation
        fields = ["status", "organisation", "held_year", "feedback"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.visible_to(user).order_by("name")
        self.filters["organisation"].extra["choices"] = list(
            organisations.values_list("pk", "name")
        )

    def filter_held_year(self, queryset, name, value):
        return queryset.filter(counts.held_in(int(value)))

    def filter_feedback(self, queryset, name, value):
        return counts.feedback(queryset, value)
