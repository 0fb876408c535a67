import django_filters
from django.contrib.auth import get_user_model
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from convention.choices import article_choices
from core.search import search_filter
from core.tenancy import visible_organisation_ids
from organisations.models import Body, Membership, Organisation
from organisations.permissions import PREPARERS

from . import counts
from .models import Assessment, Case

# What the yearly account's decision counts are called in the case list's filter.
COUNT_LABELS = {
    "decided": _("Decided"),
    "screened": _("Screened for whether children are affected"),
    "affecting": _("Affecting children"),
    "full_assessment": _("With a complete assessment of the best interests"),
    "children_heard": _("Children's own views obtained"),
    "follows": _("Decided in line with the assessed best interests"),
    "against": _("Decided against the assessed best interests"),
    "follow_up_done": _("Follow-ups done"),
    "follow_up_overdue": _("Follow-ups overdue"),
    "follow_up_planned": _("Follow-ups planned"),
}


# The filters the yearly account's links set (issue 22). They are not part of the everyday
# form: a link's values travel in it as hidden fields and the page names them (`from_links`), and
# the form draws no widget for the ones not in use (drawing them was a tenth of the list's time).
FROM_LINKS = ("organisation", "decided_year", "counted", "sustainability", "target_area")


class CaseFilter(django_filters.FilterSet):
    """Filters for the case list and its exports (and, later, the API)."""

    q = django_filters.CharFilter(label=_("Search"), method="search")
    # The choices are read as plain values, not model instances: the form renders on every view
    # of the list (docs/performance.md).
    body = django_filters.ChoiceFilter(label=_("Body"), choices=[])
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Case.Status.choices)
    # Bounded: a year beyond what a date can hold would be a server error, not an empty list.
    year = django_filters.NumberFilter(
        label=_("Year"), method="filter_year", min_value=1900, max_value=2999
    )
    children_affected = django_filters.ChoiceFilter(
        label=_("Children affected"),
        method="filter_children_affected",
        choices=Assessment.ChildrenAffected.choices,
    )
    article = django_filters.ChoiceFilter(
        label=_("Article"), field_name="assessment__articles__number", choices=[]
    )
    officer = django_filters.ChoiceFilter(label=_("Officer"), choices=[])
    # The yearly account's links (issue 22): its organisations, the year of the decision, and
    # what a count counted, by the same definitions as the figure (assessments.counts).
    organisation = django_filters.MultipleChoiceFilter(label=_("Organisation"), choices=[])
    decided_year = django_filters.NumberFilter(
        label=_("Decided in year"),
        field_name="decision__decided_on",
        lookup_expr="year",
        min_value=1900,
        max_value=2999,
    )
    counted = django_filters.ChoiceFilter(
        label=_("Counted in the yearly account as"),
        method="filter_counted",
        choices=[(name, COUNT_LABELS[name]) for name in counts.COUNTS],
    )

    sustainability = django_filters.ChoiceFilter(
        label=_("Assessed for sustainability"),
        method="filter_sustainability",
        choices=counts.sustainability_choices(),
    )
    target_area = django_filters.NumberFilter(
        label=_("Public-health target area"),
        method="filter_target_area",
        min_value=1,
        max_value=99,
    )

    class Meta:
        model = Case
        fields = [
            "q",
            "body",
            "status",
            "year",
            "children_affected",
            "article",
            "officer",
            "organisation",
            "decided_year",
            "counted",
            "sustainability",
            "target_area",
        ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.filters["body"].extra["choices"] = body_choices(user)
        self.filters["officer"].extra["choices"] = officer_choices(user)
        self.filters["article"].extra["choices"] = article_choices()
        if self.data and "organisation" in self.data:
            self.filters["organisation"].extra["choices"] = organisation_choices(user)

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            for name in FROM_LINKS:
                if name not in form.fields:
                    continue
                field = form.fields[name]
                if not (self.data and self.data.get(name)):
                    del form.fields[name]
                else:  # a list of organisations hides as several inputs, a value as one
                    field.widget = field.hidden_widget()
        return self._form

    def from_links(self) -> list[tuple[str, str]]:
        """(label, value) of each filter a yearly-account link set, as the page names them."""
        named = []
        for name in FROM_LINKS:
            field = self.form.fields.get(name)
            if field is None or not self.form.is_valid():
                continue
            value = self.form.cleaned_data.get(name)
            if value in (None, "", []):
                continue
            choices = {str(key): label for key, label in getattr(field, "choices", [])}
            values = value if isinstance(value, list) else [value]
            named.append((field.label, ", ".join(str(choices.get(str(v), v)) for v in values)))
        return named

    def search(self, queryset, name, value):
        return queryset.filter(search_filter(value))

    def filter_children_affected(self, queryset, name, value):
        # An assessment belongs to its case's organisation. Saying so lets PostgreSQL read the
        # organisation's range of assessment_org_affected_idx; without it, it merge-joined the
        # whole assessment table in case order (90 ms at national scale, docs/performance.md).
        return queryset.filter(
            assessment__children_affected=value,
            assessment__organisation_id=F("organisation_id"),
        )

    def _decisions(self, queryset):
        # Some counts read each decision's answers in Python: read only the user's, not every
        # organisation's (the page scopes its rows per part only after the filters).
        user = getattr(self, "user", None)
        return counts.decisions_of(queryset if user is None else queryset.visible_to(user))

    def filter_counted(self, queryset, name, value):
        # Read against today, as the report's preview reads its overdue follow-ups.
        decisions = counts.counted(self._decisions(queryset), value, timezone.localdate())
        return queryset.filter(decision__in=decisions)

    def filter_sustainability(self, queryset, name, value):
        decisions = counts.with_flag(self._decisions(queryset), value)
        return queryset.filter(decision__in=decisions)

    def filter_target_area(self, queryset, name, value):
        decisions = counts.with_flag(self._decisions(queryset), f"area_{int(value)}")
        return queryset.filter(decision__in=decisions)

    def filter_year(self, queryset, name, value):
        return queryset.filter(
            Q(decision_date__year=value) | Q(decision_date=None, created_at__year=value)
        )


def body_choices(user) -> list:
    """The visible bodies grouped by organisation: many municipalities have a Socialnämnden."""
    groups = {}
    bodies = Body.objects.visible_to(user).order_by("organisation__name", "name")
    for pk, name, organisation in bodies.values_list("pk", "name", "organisation__name"):
        groups.setdefault(organisation, []).append((pk, name))
    return list(groups.items())


def organisation_choices(user) -> list:
    organisations = Organisation.objects.order_by("name")
    if not user.is_superuser:
        organisations = organisations.filter(pk__in=visible_organisation_ids(user))
    return list(organisations.values_list("pk", "name"))


def officer_choices(user) -> list:
    """The people who prepare cases in the visible organisations: read from memberships, not
    from every visible case."""
    if user.is_superuser:
        organisations = Organisation.objects.values("pk")
    else:
        organisations = visible_organisation_ids(user)
    preparers = Membership.objects.filter(organisation_id__in=organisations, role__in=PREPARERS)
    people = (
        get_user_model()
        .objects.filter(pk__in=preparers.values("user"))
        .order_by("last_name", "first_name")
        .values_list("pk", "first_name", "last_name", "username")
    )
    return [(pk, f"{first} {last}".strip() or username) for pk, first, last, username in people]
