"""The seven success factors: this year's self-assessment beside the earlier years."""

from django.apps import apps
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.charts import bar_chart, format_value
from core.radar import radar_chart
from planning.success_factors import SuccessFactor

from . import Provider, Section, _cell

EARLIER_YEARS = 4


def collect(scope) -> dict:
    FactorRating = apps.get_model("planning", "FactorRating")
    ratings = FactorRating.objects.filter(
        assessment__organisation_id__in=scope.organisation_ids,
        assessment__body_id=scope.body_id,
        assessment__year__lte=scope.year,
        assessment__year__gt=scope.year - EARLIER_YEARS - 1,
        source="self",
    ).values_list("assessment__year", "factor", "level")
    years: dict[str, dict] = {}
    for year, factor, level in ratings:
        years.setdefault(str(year), {})[factor] = level
    return {"years": years}


def render(figures, scope) -> Section:

    section = Section("selfassessment", _("The seven success factors"))
    years = sorted(figures["years"], key=int)
    this_year = figures["years"].get(str(scope.year))
    if not this_year:
        section.say(
            "none",
            _("No self-assessment of the success factors was made for %(year)s.")
            % {"year": scope.year},
        )
        return section
    known = [level for level in this_year.values() if level is not None]
    mean = round(sum(known) / len(known), 1) if known else None
    if not known:
        text = _("In the self-assessment for %(year)s no success factor has been rated yet.")
    elif len(known) == len(SuccessFactor.values):
        text = _(
            "In the self-assessment for %(year)s the mean level of the seven success factors "
            "is %(mean)s on the scale 0–4."
        )
    else:
        # An unrated factor is left out of the mean, never counted as 0; the text says so.
        text = ngettext(
            "In the self-assessment for %(year)s %(rated)s of the seven success factors was "
            "rated; its level is %(mean)s on the scale 0–4.",
            "In the self-assessment for %(year)s %(rated)s of the seven success factors were "
            "rated; their mean level is %(mean)s on the scale 0–4.",
            len(known),
        )
    section.say("mean", text % {"year": scope.year, "mean": _decimal(mean), "rated": len(known)})
    factors = list(SuccessFactor.choices)
    _radar(section, figures, scope, factors)
    section.table(
        _("The self-assessment over the years (levels 0–4)"),
        [_("Success factor"), *years],
        [
            [str(label), *[figures["years"][year].get(key) for year in years]]
            for key, label in factors
        ],
    )
    means, total = [], len(SuccessFactor.values)
    for year in years:
        levels = [v for v in figures["years"][year].values() if v is not None]
        # A year with unrated factors is a mean of fewer factors; its row says so, so that a
        # lower mean is not read as a fall of the same seven.
        label = year
        if 0 < len(levels) < total:
            label = _("%(year)s (%(rated)s of %(total)s rated)") % {
                "year": year,
                "rated": len(levels),
                "total": total,
            }
        means.append((label, round(sum(levels) / len(levels), 1) if levels else None))
    if len(means) > 1:
        section.chart(
            bar_chart(
                _("Mean level of the rated factors per year"),
                means,
                max_value=4,
                id_prefix="report-factor-trend",
            ),
            max_value=4,
            columns=[_("Year"), _("Mean level (0–4)")],
        )
    section.figure("mean", _("Mean level (0–4)"), [["total", mean]])
    return section


def _radar(section, figures, scope, factors) -> None:
    """This year's levels beside last year's as a radar chart, with its table. The Word file
    shows this year's levels as bars (its pictures are drawn by `reports.raster`)."""
    this_year = figures["years"][str(scope.year)]
    series = {}
    for year in (scope.year - 1, scope.year):
        if levels := figures["years"].get(str(year)):
            series[str(year)] = [levels.get(key) for key, _label in factors]
    title = _("The success factors %(year)s beside the year before") % {"year": scope.year}
    chart = radar_chart(title, [label for _key, label in factors], series, id_prefix="report-radar")
    section.blocks.append(
        {
            "kind": "chart",
            "title": title,
            "data": [[str(label), this_year.get(key)] for key, label in factors],
            "unit": "",
            "max_value": 4,
            "svg": str(chart.svg),
            "text_alternative": chart.text_alternative,
            "columns": [_("Success factor"), *series],
            "rows": [[_cell(value) for value in row] for row in chart.rows],
            "note": "",
        }
    )


def _decimal(value) -> str:

    return format_value(value)


PROVIDER = Provider(
    key="selfassessment",
    order=35,
    requires=("planning.SelfAssessment", "planning.FactorRating"),
    collect=collect,
    render=render,
)
