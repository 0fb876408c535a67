"""The dashboard's figures as charts, tables and CSV rows: one place that turns `Figures` into
what the page and the export show, so that both always say the same."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from core.charts import bar_chart, format_value
from core.heatmap import heatmap

from .figures import FACTORS, Figures


@dataclass
class Section:
    key: str
    heading: str
    explanation: str
    chart: object
    columns: list[str]
    rows: list[list]  # the first cell is the member's name

    @property
    def shown_rows(self) -> list[list[str]]:
        """The rows as the table shows them (the template writes the `<tr>`s)."""
        return [[name, *(_cell(cell) for cell in cells)] for name, *cells in self.rows]


def _cell(value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, float):
        return format_value(round(value, 1))
    return str(value)


def sections(figures: Figures) -> list[Section]:
    members = figures.members
    year = figures.year
    factor_names = [str(label) for _value, label in FACTORS]
    rating_rows = [
        [m.name, m.rating_year, *(m.ratings.get(value) for value, _label in FACTORS)]
        for m in members
    ]
    result = [
        Section(
            "ratings",
            _("Self-assessment of the success factors"),
            _(
                "Each member's own rating (0–4) in its latest self-assessment up to %(year)s. "
                "The columns are the seven success factors in order; the table names them."
            )
            % {"year": year},
            heatmap(
                _("Self-assessment ratings, latest up to %(year)s") % {"year": year},
                factor_names,
                [(row[0], row[2:]) for row in rating_rows],
                id_prefix="chart-ratings",
            ),
            [_("Member"), _("Year of the self-assessment"), *factor_names],
            rating_rows,
        ),
        _bar_section(
            "cases",
            _("Decisions with a full child-impact assessment"),
            _(
                "Of the cases decided in %(year)s, the share whose assessment found that "
                "children are affected and was approved as complete."
            )
            % {"year": year},
            _("Share of decided cases with a full assessment, %(year)s") % {"year": year},
            [_("Member"), _("Decided"), _("Affecting children"), _("Full assessment"), _("%")],
            [
                [m.name, m.decided, m.affecting, m.full_assessment, m.full_assessment_share]
                for m in members
            ],
            unit="%",
            max_value=100,
        ),
        _bar_section(
            "participation",
            _("Consultations with feedback to the children"),
            _(
                "Consultations with children that closed in %(year)s, and how many of them "
                "have published feedback to the children."
            )
            % {"year": year},
            _("Consultations with feedback given, %(year)s") % {"year": year},
            [_("Member"), _("Consultations closed"), _("With feedback"), _("%")],
            [[m.name, m.consultations, m.with_feedback, m.feedback_share] for m in members],
            chart_column=2,
        ),
        _bar_section(
            "training",
            _("Training coverage"),
            _(
                "Participants in the trainings of %(year)s as a share of the headcount of "
                "%(year)s (at most 100 %%; someone trained twice counts twice)."
            )
            % {"year": year},
            _("Training coverage, %(year)s") % {"year": year},
            [_("Member"), _("Participants"), _("Headcount"), _("Coverage (%)")],
            [[m.name, m.participants, m.headcount or None, m.coverage] for m in members],
            unit="%",
            max_value=100,
        ),
    ]
    for column in figures.indicators:
        indicator = column.indicator
        if column.year is None:
            title = _("%(indicator)s: no figures up to %(year)s") % {
                "indicator": indicator.name,
                "year": year,
            }
        else:
            title = _("%(indicator)s, %(year)s") % {
                "indicator": indicator.name,
                "year": column.year,
            }
        result.append(
            _bar_section(
                f"indicator-{indicator.pk}",
                indicator.name,
                _("The figure for all children, in the latest year up to %(year)s.")
                % {"year": year},
                title,
                [_("Member"), indicator.unit or _("Figure")],
                [[m.name, m.indicators.get(indicator.pk)] for m in members],
                unit=indicator.unit,
            )
        )
    return result


def _bar_section(key, heading, explanation, title, columns, rows, *, chart_column=-1, **chart):
    points = [(row[0], row[chart_column]) for row in rows]
    drawn = bar_chart(title, points, id_prefix=f"chart-{key}", **chart)
    return Section(key, heading, explanation, drawn, [str(c) for c in columns], rows)


def csv_table(figures: Figures) -> tuple[list[str], list[list]]:
    """Every section's columns side by side, one row per member."""
    parts = sections(figures)
    columns = [_("Member")]
    for part in parts:
        prefix = part.heading
        columns += [f"{prefix}: {column}" for column in part.columns[1:]]
    rows = []
    for index, member in enumerate(figures.members):
        row = [member.name]
        for part in parts:
            row += [
                "" if cell is None else round(cell, 1) if isinstance(cell, float) else cell
                for cell in part.rows[index][1:]
            ]
        rows.append(row)
    return columns, rows
