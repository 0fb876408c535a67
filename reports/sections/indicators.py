"""Children's conditions: the featured indicators for the year, beside the county and Sweden."""

import re

from django.apps import apps
from django.db.models import Q
from django.utils.translation import gettext as _

from core.charts import SERIES_STYLES, format_value, line_chart

from . import Provider, Section

NATION = "0000"
# The years drawn over time: the report's year and the four before it.
YEARS_OVER_TIME = 5


def collect(scope) -> dict:
    Indicator = apps.get_model("indicators", "Indicator")
    IndicatorValue = apps.get_model("indicators", "IndicatorValue")
    Organisation = apps.get_model("organisations", "Organisation")
    codes = dict(
        Organisation.objects.filter(pk__in=scope.organisation_ids).values_list("pk", "scb_code")
    )
    areas = {code for code in codes.values() if code}
    county = next((code[:2] for code in codes.values() if code and len(code) == 4), "")
    indicators = list(
        Indicator.objects.filter(featured=True)
        .filter(Q(organisation__isnull=True) | Q(organisation_id__in=scope.organisation_ids))
        .order_by("code")
        .values_list("pk", "code", "unit")
    )
    values: dict = {}
    series: dict = {}
    first_year = scope.year - YEARS_OVER_TIME + 1
    for indicator_id, area, year, value in (
        IndicatorValue.objects.filter(
            indicator_id__in=[pk for pk, _c, _u in indicators],
            area_code__in=[*areas, county, NATION],
            year__lte=scope.year,
            gender="T",
            age_band="",
        )
        .order_by("year")
        .values_list("indicator_id", "area_code", "year", "value")
    ):
        # The latest year up to the report's: statistics are often published a year late.
        values.setdefault(str(indicator_id), {})[area] = [year, value]
        if year >= first_year:
            series.setdefault(str(indicator_id), {}).setdefault(area, []).append([year, value])
    return {
        "indicators": [{"id": pk, "code": code, "unit": unit} for pk, code, unit in indicators],
        "areas": {str(pk): code for pk, code in codes.items()},
        "county": county,
        "values": values,
        "series": series,
    }


def render(figures, scope) -> Section:
    Indicator = apps.get_model("indicators", "Indicator")
    section = Section("indicators", _("Children's conditions"))
    if not figures["indicators"] or not figures["values"]:
        section.say("none", _("No figures on children's conditions have been imported yet."))
        return section
    names = {
        i.pk: i.name
        for i in Indicator.objects.filter(pk__in=[i["id"] for i in figures["indicators"]])
    }
    section.say(
        "intro",
        _(
            "The table shows the latest figures up to %(year)s for the indicators the "
            "organisation follows, beside the county and Sweden (the year of each figure in "
            "brackets)."
        )
        % {"year": scope.year},
    )
    areas = [figures["areas"][str(pk)] for pk in scope.organisation_ids]
    county = _county_name(figures["county"])
    columns = [*[name for _pk, name in scope.organisations], county, _("Sweden")]
    rows = []
    for indicator in figures["indicators"]:
        found = figures["values"].get(str(indicator["id"]), {})
        cells = [
            _figure(found.get(area), indicator["unit"])
            for area in [*areas, figures["county"], NATION]
        ]
        if any(cell != "–" for cell in cells):
            rows.append([names.get(indicator["id"], indicator["code"]), *cells])
    section.table(_("Children's conditions in figures"), [_("Indicator"), *columns], rows)
    for indicator in figures["indicators"]:
        name = names.get(indicator["id"], indicator["code"])
        labels = [*[org_name for _pk, org_name in scope.organisations], county, _("Sweden")]
        _over_time(section, figures, scope, indicator, name, labels)
    return section


# Areas whose first figures differ by more than this factor are not drawn on one axis.
SIZES_APART = 5
# A unit that is already per inhabitant or a share ("%", "‰", "per 1 000", "kr/inv"), not
# "personer".
RATE = re.compile(r"%|‰|/|\bper\b", re.IGNORECASE)


def comparable(series: dict, unit: str) -> tuple[dict, str, str]:
    """The series as they can share one axis (issue 22: Karlskoga beside Sweden in persons
    is a flat line at zero). Shares and rates (a unit such as "%" or "per 1 000") are drawn as
    they are; counts of areas of different sizes are drawn as an index, each area's first
    year = 100, and the note says so. The table keeps the figures themselves."""
    firsts = [next((v for _y, v in points if v), None) for points in series.values()]
    known = [abs(v) for v in firsts if v]
    is_rate = bool(RATE.search(unit))
    if is_rate or len(known) < 2 or max(known) / min(known) < SIZES_APART:
        return series, unit, ""
    indexed = {
        label: [(year, None if v is None else round(100 * v / base, 1)) for year, v in points]
        for (label, points), base in zip(series.items(), firsts, strict=True)
        if base
    }
    note = _(
        "The areas differ too much in size to share one axis, so the chart shows an index: "
        "each area's first year is 100. The table gives the figures."
    )
    return indexed, "", note


def _county_name(code) -> str:
    """The region's own name ("Region Örebro län"), as the comparison charts call it; one name
    for one thing. "County" only when no organisation holds the code."""
    Organisation = apps.get_model("organisations", "Organisation")
    name = Organisation.objects.filter(scb_code=code).values_list("name", flat=True).first()
    return name or _("County")


def _over_time(section, figures, scope, indicator, name, columns) -> None:
    """The indicator over the last years, the organisations beside the county and Sweden, as
    a line chart (a picture in the Word file) with its table. Drawn when there are two years."""

    found = figures.get("series", {}).get(str(indicator["id"]), {})
    areas = [figures["areas"][str(pk)] for pk in scope.organisation_ids]
    areas = [*areas, figures["county"], NATION]
    series = {
        str(label): [(str(year), value) for year, value in found[area]]
        for label, area in zip(columns, areas, strict=True)
        if found.get(area)
    }
    years = {year for points in series.values() for year, _v in points}
    if len(years) < 2 or len(series) > len(SERIES_STYLES):
        return
    title = _("%(indicator)s over the years") % {"indicator": name}
    unit = indicator["unit"]
    table = line_chart(title, series, unit=unit).rows  # the figures themselves, for the table
    series, drawn_unit, note = comparable(series, unit)
    chart = line_chart(
        title, series, unit=drawn_unit, id_prefix=f"report-indicator-{indicator['id']}"
    )
    section.blocks.append(
        {
            "kind": "chart",
            "shape": "line",
            "title": title,
            # Pairs, not an object: PostgreSQL's JSONB would not keep the series' order.
            "series": [
                [label, [[int(y), v] for y, v in points]] for label, points in series.items()
            ],
            "unit": drawn_unit,
            "svg": str(chart.svg),
            "text_alternative": chart.text_alternative,
            "columns": [_("Year"), *series],
            "rows": [
                [row[0], *(format_value(v, unit) if v is not None else "–" for v in row[1:])]
                for row in table
            ],
            "note": note,
        }
    )


def _figure(pair, unit: str) -> str:
    from core.charts import format_value

    if not pair or pair[1] is None:
        return "–"
    year, value = pair
    return f"{format_value(value, unit)} ({year})"


PROVIDER = Provider(
    key="indicators",
    order=50,
    requires=("indicators.Indicator", "indicators.IndicatorValue"),
    collect=collect,
    render=render,
)
