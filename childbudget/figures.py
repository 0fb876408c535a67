"""The overview's figures per budget, read as plain rows (no model objects): the overview shows
every body of every year the user sees (a municipality has some sixty bodies)."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.text import capfirst

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

    @property
    def method_label(self) -> str:
        return capfirst(ChildBudget.Method(self.method).label) if self.method else ""


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
