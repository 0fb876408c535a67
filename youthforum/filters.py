import django_filters
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation

from . import counts
from .models import ForumMeeting, ForumProposal


class _ByOrganisation(django_filters.FilterSet):
    organisation = django_filters.MultipleChoiceFilter(label=_("Organisation"), choices=[])

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.visible_to(user).order_by("name")
        self.filters["organisation"].extra["choices"] = list(
            organisations.values_list("pk", "name")
        )


class MeetingFilter(_ByOrganisation):
    """The yearly account's meetings count links here, by the same definition (`counts`)."""

    year = django_filters.NumberFilter(
        label=_("Year"), method="filter_year", min_value=1900, max_value=2999
    )

    class Meta:
        model = ForumMeeting
        fields = ["organisation", "year"]

    def filter_year(self, queryset, name, value):
        return queryset.filter(counts.meetings_in(int(value)))


class ProposalFilter(_ByOrganisation):
    """The yearly account's proposal counts link here, by the same definitions (`counts`)."""

    year = django_filters.NumberFilter(
        label=_("Sent in year"), method="filter_year", min_value=1900, max_value=2999
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ForumProposal.Status.choices)
    counted = django_filters.ChoiceFilter(
        label=_("Counted in the yearly account as"),
        method="filter_counted",
        choices=[
            ("proposals", _("Proposals sent")),
            ("answered", _("Proposals answered")),
            ("accepted", _("Proposals accepted in whole or in part")),
            ("waiting", _("Proposals waiting for an answer")),
        ],
    )

    class Meta:
        model = ForumProposal
        fields = ["organisation", "year", "status", "counted"]

    def filter_year(self, queryset, name, value):
        return queryset.filter(counts.proposals_sent_in(int(value)))

    def filter_counted(self, queryset, name, value):
        return queryset.filter(status__in=counts.PROPOSALS[value])
