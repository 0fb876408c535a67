"""The child budget: the overview (filters, charts, exports), create, detail with the lines and
their marks, edit, delete, the import of budget lines and its example files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from core.exports import XLSX, export_response
from core.views.generic import delete_now_view, edit_view
from organisations.access import can, creatable_organisations, get_for_user, record_actions
from organisations.lookups import create_in_organisation, organisation_for
from organisations.models import Body, Organisation

from . import charts, imports, services
from .exports import budget_table, line_table
from .figures import budget_figures
from .forms import BudgetForm, ImportForm
from .models import ChildBudget


def _number(value, low=2000, high=2100):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if low <= number <= high else None


def filtered_budgets(request):
    """The budgets the user sees, narrowed by the filters (page, charts and exports alike)."""
    budgets = ChildBudget.objects.visible_to(request.user).select_related("organisation", "body")
    chosen = {}
    organisation = _number(request.GET.get("organisation"), 1, 2**31 - 1)
    if organisation:
        budgets = budgets.filter(organisation_id=organisation)
        chosen["organisation"] = organisation
    body = _number(request.GET.get("body"), 1, 2**31 - 1)
    if body:
        budgets = budgets.filter(body_id=body)
        chosen["body"] = body
    year = _number(request.GET.get("year"))
    if year:
        chosen["year"] = year
    return budgets.with_sums().order_by("-year", "body__name", "id"), chosen


@login_required
def budget_list(request):
    budgets, chosen = filtered_budgets(request)
    all_years = budget_figures(budgets)
    year = chosen.get("year") or max((figure.year for figure in all_years), default=None)
    this_year = [figure for figure in all_years if figure.year == year]
    by_body = charts.share_by_body(this_year, year) if year else None
    context = {
        "this_year": this_year,
        "year": year,
        "years": sorted({figure.year for figure in all_years}, reverse=True),
        "by_body": by_body,
        "over_years": charts.share_over_years(all_years),
        "creatable": creatable_organisations(request.user, "childbudget"),
        "importable": [
            organisation
            for organisation in creatable_organisations(request.user, "childbudget")
            if can(request.user, "import", "childbudget", organisation.pk)
        ],
        "organisation_options": Organisation.objects.visible_to(request.user)
        .order_by("name")
        .values("pk", "name"),
        "body_options": Body.objects.visible_to(request.user).order_by("name").values("pk", "name"),
        "chosen": chosen,
        "query": "&".join(f"{key}={value}" for key, value in chosen.items()),
    }
    return render(request, "childbudget/budget_list.html", context)


@login_required
def budget_export(request, fmt):
    budgets, chosen = filtered_budgets(request)
    if "year" in chosen:
        budgets = budgets.filter(year=chosen["year"])
    return export_response(fmt, "barnbudget", _("Child budget"), budget_table(budgets))


@login_required
@require_http_methods(["GET", "POST"])
def budget_create(request, organisation_pk):
    return create_in_organisation(
        request,
        organisation_pk,
        "childbudget",
        BudgetForm,
        services.create_budget,
        _("The child budget was saved."),
        title=_("New child budget in %(organisation)s"),
        back=reverse("childbudget:budget_list"),
    )


def _budget(request, pk, action="view"):
    return get_for_user(
        ChildBudget.objects.select_related("organisation", "body"), request.user, action, pk=pk
    )


@login_required
def budget_detail(request, pk):
    budget = _budget(request, pk)
    lines = list(budget.lines.all())
    budget.lines_sum = sum(line.amount for line in lines) if lines else None
    budget.marked_sum = sum(line.amount for line in lines if line.for_children)
    context = {
        "budget": budget,
        "lines": lines,
        **record_actions(request.user, budget, budget.organisation_id),
    }
    return render(request, "childbudget/budget_detail.html", context)


budget_edit = edit_view(
    _budget,
    BudgetForm,
    services.update_budget,
    gettext_lazy("The child budget was saved."),
    title=gettext_lazy("Edit the child budget %(name)s"),
)


budget_delete = delete_now_view(
    _budget,
    services.delete_budget,
    gettext_lazy("The child budget was deleted."),
    "childbudget:budget_list",
)


@login_required
@require_POST
def budget_marks(request, pk):
    budget = _budget(request, pk, "change")
    ids = [value for value in request.POST.getlist("for_children") if value.isdigit()]
    changed = services.set_marks(budget, ids, by=request.user)
    messages.success(request, _("%(count)d budget lines were changed.") % {"count": changed})
    return redirect(budget)


@login_required
def lines_export(request, pk, fmt):
    budget = _budget(request, pk)
    table = line_table(budget, budget.lines.all())
    return export_response(fmt, f"budgetrader-{budget.year}", _("Budget lines"), table)


@login_required
@require_http_methods(["GET", "POST"])
def budget_import(request, organisation_pk):
    organisation = organisation_for(request, organisation_pk, "import", "childbudget")
    form = ImportForm(request.POST or None, request.FILES or None)
    errors, summary = [], None
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        bodies = {body.name.casefold(): body for body in services.bodies_for(organisation)}
        try:
            rows = imports.parse_rows(imports.read_table(uploaded), bodies)
            summary = imports.import_lines(
                organisation,
                form.cleaned_data["year"],
                rows,
                by=request.user,
                file_name=uploaded.name,
            )
        except imports.ImportErrors as error:
            errors = error.errors
    context = {
        "organisation": organisation,
        "form": form,
        "errors": errors[:200],
        "more_errors": max(0, len(errors) - 200),
        "summary": summary,
        "year": form.cleaned_data.get("year") if summary else None,
        "columns": imports.EXAMPLE_ROWS[0],
    }
    return render(request, "childbudget/import.html", context)


@login_required
def import_example(request, fmt):
    if fmt == "csv":
        response = HttpResponse(imports.example_csv(), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(imports.example_xlsx(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="budgetrader-exempel.{fmt}"'
    return response
