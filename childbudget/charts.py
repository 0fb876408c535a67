"""The children's share of the budget, by body in a year and over the years, as the rows
`core.charts` draws (with a text alternative and a table)."""

from collections import defaultdict
from decimal import Decimal

from django.utils.translation import gettext as _

from core.charts import SERIES_STYLES, bar_chart, line_chart


def share_by_body(figures, year):
    """`figures` are one year's (`childbudget.figures.BudgetFigures`)."""
    rows = [(figure.body_name, figure.share) for figure in figures]
    return bar_chart(
        _("Children's share of the budget by body, %(year)s") % {"year": year},
        rows,
        unit="%",
        max_value=100,
    )


def share_over_years(figures):
    """Per organisation, the children's amount of all its bodies as a share of their total."""
    totals = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for figure in figures:
        total, amount = figure.total, figure.children_amount
        if total and total > 0 and amount is not None:
            sums = totals[(figure.organisation_name, figure.year)]
            sums[0] += total
            sums[1] += amount
    names = sorted({name for name, _year in totals})[: len(SERIES_STYLES)]
    # Every year with a budget is on the axis, also one whose lines are not yet marked for
    # children: it has no figure (a gap, which the chart says), never a fall to 0 %.
    years = sorted({figure.year for figure in figures})
    series = {
        name: [
            (
                str(year),
                float(100 * totals[(name, year)][1] / totals[(name, year)][0])
                if (name, year) in totals
                else None,
            )
            for year in years
        ]
        for name in names
    }
    return line_chart(_("Children's share of the budget over the years"), series, unit="%")
