"""Child budgets and budget lines as rows in words, written as CSV or XLSX by planning's writers
(every text cell goes through `safe_cell`, so a formula in an imported text stays text)."""

from django.utils.text import capfirst
from django.utils.translation import gettext as _


def _number(value):
    return float(value) if value is not None else ""


def budget_table(budgets) -> tuple[list[str], list[list]]:
    columns = [
        _("Year"),
        _("Organisation"),
        _("Body"),
        _("Total budget (SEK)"),
        _("Amount that reaches children (SEK)"),
        _("Share (%)"),
        _("Method"),
        _("Comment"),
        _("Children's goals in the budget"),
    ]
    rows = [
        [
            budget.year,
            budget.organisation.name,
            budget.body.name,
            _number(budget.effective_total),
            _number(budget.effective_children_amount),
            round(budget.children_share, 1) if budget.children_share is not None else "",
            capfirst(budget.get_method_display()),
            budget.comment,
            budget.children_goals,
        ]
        for budget in budgets
    ]
    return columns, rows


def line_table(budget, lines) -> tuple[list[str], list[list]]:
    """The same columns as the import, so a file exported can be imported again."""
    columns = [_("Body"), _("Account"), _("Text"), _("Amount"), _("Directed to children")]
    rows = [
        [
            budget.body.name,
            line.account,
            line.text,
            _number(line.amount),
            _("yes") if line.for_children else _("no"),
        ]
        for line in lines
    ]
    return columns, rows
