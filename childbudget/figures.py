"""The overview's figures per budget, read as plain rows (no model objects) and its table
written in Python: the overview shows every body of every year the user sees (a municipality has
some sixty bodies), and building and templating that many objects was most of its time."""

from dataclasses import dataclass
from decimal import Decimal

from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from planning.views.overview import escape

from .models import ChildBudget, children_share, effective_children_amount, effective_total

COLUMNS = (
    "pk",
    "year",
    "organisation__name",
    "body__name",
    "method",
    "total_budget",
    "children_amount",
    "lines_sum",
    "marked_sum",
)


@dataclass(frozen=True)
class BudgetFigures:
    pk: int
    year: int
    organisation_name: str
    body_name: str
    method: str
    total: Decimal | None
    children_amount: Decimal | None

    @property
    def share(self) -> float | None:
        return children_share(self.total, self.children_amount)


def budget_figures(budgets) -> list[BudgetFigures]:
    """`budgets`: a queryset `with_sums()`, in the order to show."""
    figures = []
    for pk, year, organisation, body, method, total, amount, lines, marked in budgets.values_list(
        *COLUMNS
    ):
        figures.append(
            BudgetFigures(
                pk=pk,
                year=year,
                organisation_name=organisation,
                body_name=body,
                method=method,
                total=effective_total(total, lines),
                children_amount=effective_children_amount(method, amount, lines, marked),
            )
        )
    return figures


def _amount(value) -> str:
    return floatformat(value, "0g") if value is not None else "–"


def budget_rows(figures) -> str:
    """The rows of the year's table (body, organisation, total, to children, share, method)."""
    methods = {value: escape(capfirst(str(label))) for value, label in ChildBudget.Method.choices}
    before, after = reverse("childbudget:budget_detail", args=[0]).split("/0/", 1)
    rows = []
    for figure in figures:
        share = f"{floatformat(figure.share, 1)} %" if figure.share is not None else "–"
        rows.append(
            f'<tr><th scope="row"><a href="{before}/{figure.pk}/{after}">'
            f"{escape(figure.body_name)}</a></th><td>{escape(figure.organisation_name)}</td>"
            f"<td>{_amount(figure.total)}</td><td>{_amount(figure.children_amount)}</td>"
            f"<td>{share}</td><td>{methods.get(figure.method, '')}</td></tr>"
        )
    return mark_safe("".join(rows))


def share_rows(chart_rows) -> str:
    """The by-body chart's data table: body, share in per cent with one decimal."""
    return mark_safe(
        "".join(
            f'<tr><th scope="row">{escape(label)}</th>'
            f"<td>{floatformat(value, 1) if value is not None else '–'}</td></tr>"
            for label, value in chart_rows
        )
    )


def filter_options(pairs, chosen) -> str:
    """`<option>`s of a filter from (id, name) pairs, the chosen id selected."""
    return mark_safe(
        "".join(
            f'<option value="{pk}"{" selected" if pk == chosen else ""}>{escape(name)}</option>'
            for pk, name in pairs
        )
    )
