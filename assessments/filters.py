import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from convention.models import Article
from core.search import search_filter
from organisations.models import Body, Membership, Organisation
from organisations.permissions import PREPARERS

from .models import Assessment, Case


class CaseFilter(django_filters.FilterSet):
    """Filters for the case list and its exports (and, later, the API)."""

    q = django_filters.CharFilter(label=_("Search"), method="search")
    body = django_filters.ModelChoiceFilter(label=_("Body"), queryset=Body.objects.none())
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Case.Status.choices)
    year = django_filters.NumberFilter(label=_("Year"), method="filter_year")
    children_affected = django_filters.ChoiceFilter(
        label=_("Children affected"),
        field_name="assessment__children_affected",
        choices=Assessment.ChildrenAffected.choices,
    )
    article = django_filters.ModelChoiceFilter(
        label=_("Article"),
        field_name="assessment__articles",
        queryset=Article.objects.all(),
        to_field_name="number",
    )
    officer = django_filters.ModelChoiceFilter(
        label=_("Officer"), queryset=get_user_model().objects.none()
    )

    class Meta:
        model = Case
        fields = ["q", "body", "status", "year", "children_affected", "article", "officer"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = Body.objects.visible_to(user)
        self.filters["body"].queryset = bodies.select_related("organisation")
        # Officers are the people who prepare cases in the visible organisations: read from
        # memberships, not from every visible case.
        organisations = Organisation.objects.visible_to(user).values("pk")
        preparers = Membership.objects.filter(organisation__in=organisations, role__in=PREPARERS)
        self.filters["officer"].queryset = (
            get_user_model()
            .objects.filter(pk__in=preparers.values("user"))
            .order_by("last_name", "first_name")
        )
        self.filters["article"].field.label_from_instance = lambda a: f"{a.number}. {a.title}"

    def search(self, queryset, name, value):
        return queryset.filter(search_filter(value))

    def filter_year(self, queryset, name, value):
        return queryset.filter(
            Q(decision_date__year=value) | Q(decision_date=None, created_at__year=value)
        )
