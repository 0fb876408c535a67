"""The knowledge bank: search and read examples (staff, and the public for public ones), and
the coordinators' create, edit and delete."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from core.views.forms import service_page
from core.views.generic import delete_now_view, edit_view
from organisations.access import creatable_organisations, get_for_user, record_actions
from organisations.lookups import organisation_for

from . import services
from .forms import ExampleForm, SearchForm
from .models import Example
from .search import RANKED, matches, search

PAGE_SIZE = 20


class CappedPaginator(Paginator):
    """Pages through at most RANKED examples, and counts the matches only that far: counting
    every match of a word that is in half the bank costs as much as ranking them all."""

    def __init__(self, object_list, per_page, *, matching):
        super().__init__(object_list, per_page)
        self.matching = matching
        # knowledge.search may already know how many match (up to RANKED + 1).
        self.known = getattr(object_list, "found", None)

    @cached_property
    def found(self) -> int:
        if self.known is not None:
            return self.known
        return self.matching.order_by()[: RANKED + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self.found, RANKED)

    @property
    def capped(self) -> bool:
        return self.found > RANKED


def search_page(request, examples):
    """The searched, filtered and paged examples, and the form that asked for them."""
    form = SearchForm(request.GET or None)
    query, filtered = "", False
    if form.is_valid():
        query = form.cleaned_data["q"]
        if form.cleaned_data["factor"]:
            examples = examples.with_success_factor(form.cleaned_data["factor"])
        if form.cleaned_data["article"]:
            examples = examples.filter(articles__number=form.cleaned_data["article"])
        filtered = bool(form.cleaned_data["factor"] or form.cleaned_data["article"])
    ranked = search(
        examples.select_related("organisation"),
        query,
        filtered=filtered,
        rows=Example.objects.select_related("organisation"),
    )
    paginator = CappedPaginator(ranked, PAGE_SIZE, matching=matches(examples, query))
    page = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return {
        "form": form,
        "page": page,
        "query": query,
        "params": params.urlencode(),
        "more_than": RANKED if paginator.capped else None,
    }


def _render_list(request, context):
    template = "knowledge/example_list.html"
    if request.htmx and request.htmx.target == "results":
        template = "knowledge/includes/results.html"
    return render(request, template, context)


@login_required
def example_list(request):
    context = search_page(request, Example.objects.visible_to(request.user))
    context |= {"creatable": creatable_organisations(request.user, "example"), "public": False}
    return _render_list(request, context)


def public_list(request):
    context = search_page(request, Example.objects.public()) | {"public": True}
    return _render_list(request, context)


def _detail(request, example, *, public):
    context = {
        "example": example,
        "articles": example.articles.order_by("number"),
        "target_areas": example.target_areas.order_by("number"),
        "public": public,
    }
    if not public:
        context |= {
            **record_actions(request.user, example, example.organisation_id),
        }
    return render(request, "knowledge/example_detail.html", context)


@login_required
def example_detail(request, pk):
    example = _example_for(request, pk)
    return _detail(request, example, public=False)


def public_detail(request, pk):
    example = get_object_or_404(Example.objects.public().select_related("organisation"), pk=pk)
    return _detail(request, example, public=True)


@login_required
@require_http_methods(["GET", "POST"])
def example_create(request, organisation_pk):
    organisation = organisation_for(request, organisation_pk, "add", "example")
    return service_page(
        request,
        organisation,
        ExampleForm,
        services.create_example,
        _("The example was saved."),
        title=_("New good example from %(organisation)s") % {"organisation": organisation},
        back=reverse("knowledge:example_list"),
    )


def _example_for(request, pk, action="view"):
    examples = Example.objects.select_related("organisation")
    return get_for_user(examples, request.user, action, pk=pk)


example_edit = edit_view(
    _example_for, ExampleForm, services.update_example, gettext_lazy("The example was saved.")
)


example_delete = delete_now_view(
    _example_for,
    services.delete_example,
    gettext_lazy("The example was deleted."),
    "knowledge:example_list",
)
