"""Series for the charts: an organisation's figures over the years beside its county, the
national figure and chosen others, and the same by gender. Plain data; the views draw it.

The county is the region whose SCB code is the first two digits of the municipality's code;
the national figure is stored under the code 0000 (decision 0009).
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from core.charts import SERIES_STYLES, line_chart
from organisations.models import Organisation

from .models import NATIONAL_CODE, Gender, IndicatorValue, MunicipalityGroup


@dataclass
class Area:
    code: str
    name: str


def area_names(codes) -> dict[str, str]:
    names = dict(
        Organisation.objects.filter(scb_code__in=list(codes)).values_list("scb_code", "name")
    )
    if NATIONAL_CODE in codes:
        names[NATIONAL_CODE] = _("Sweden")
    return names


def comparison_areas(organisation, chosen_codes=()) -> list[Area]:
    """The organisation, chosen others, its county and Sweden, at most five (the chart's limit)."""
    codes = [organisation.scb_code] if organisation.scb_code else []
    if len(organisation.scb_code) == 4:
        codes += [code for code in chosen_codes if code not in codes]
        codes.append(organisation.county_code)
    codes.append(NATIONAL_CODE)
    codes = list(dict.fromkeys(codes))[: len(SERIES_STYLES)]
    names = area_names(codes)
    return [Area(code, names.get(code, code)) for code in codes]


def network_neighbours(organisation) -> list[Area]:
    """Member organisations of the networks the organisation is a member of (with an SCB code)."""
    rows = (
        Organisation.objects.filter(networks__member_organisations=organisation)
        .exclude(pk=organisation.pk)
        .exclude(scb_code="")
        .distinct()
        .order_by("name")
        .values_list("scb_code", "name")
    )
    return [Area(code, name) for code, name in rows]


def read_values(indicator, codes, *, gender=None, genders=None):
    """{(code, gender): {year: (value, status)}} for the indicator, all ages together."""
    rows = IndicatorValue.objects.filter(
        indicator=indicator, area_code__in=list(codes), age_band=""
    )
    if gender:
        rows = rows.filter(gender=gender)
    if genders:
        rows = rows.filter(gender__in=genders)
    found: dict = {}
    for code, sex, year, value, status in rows.values_list(
        "area_code", "gender", "year", "value", "status"
    ):
        found.setdefault((code, sex), {})[year] = (value, status)
    return found


def comparison_chart(indicator, areas: list[Area], values, *, id_prefix=None):
    years = sorted({year for series in values.values() for year in series})
    series = {
        area.name: [
            (str(year), values.get((area.code, Gender.TOTAL), {}).get(year, (None, ""))[0])
            for year in years
        ]
        for area in areas
    }
    return line_chart(indicator.name, series, unit=indicator.unit, id_prefix=id_prefix)


def gender_chart(indicator, area: Area, values, *, id_prefix=None):
    years = sorted(
        {year for (code, _g), series in values.items() if code == area.code for year in series}
    )
    labels = {Gender.TOTAL: _("Total"), Gender.GIRLS: _("Girls"), Gender.BOYS: _("Boys")}
    series = {
        str(label): [
            (str(year), values.get((area.code, sex), {}).get(year, (None, ""))[0]) for year in years
        ]
        for sex, label in labels.items()
    }
    title = _("%(indicator)s in %(area)s by gender") % {
        "indicator": indicator.name,
        "area": area.name,
    }
    return line_chart(title, series, unit=indicator.unit, id_prefix=id_prefix)


def groups_of(organisation) -> list[MunicipalityGroup]:
    """Kolada's municipality groups the municipality is a member of."""
    if len(organisation.scb_code) != 4:
        return []
    return list(MunicipalityGroup.objects.filter(members__area_code=organisation.scb_code))


def latest_standing(indicator, organisation, *, group=None) -> dict | None:
    """Where the municipality stands among all municipalities with a figure in the latest year,
    or among the members of one of Kolada's municipality groups."""
    rows = IndicatorValue.objects.filter(
        indicator=indicator, gender=Gender.TOTAL, age_band="", value__isnull=False
    ).exclude(area_code=NATIONAL_CODE)
    if group is not None:
        rows = rows.filter(area_code__in=group.members.values("area_code"))
    latest = rows.order_by("-year").values_list("year", flat=True).first()
    if latest is None:
        return None
    figures = sorted(
        value
        for code, value in rows.filter(year=latest).values_list("area_code", "value")
        if len(code) == 4
    )
    own = (
        rows.filter(year=latest, area_code=organisation.scb_code)
        .values_list("value", flat=True)
        .first()
    )
    if own is None or not figures:
        return {"year": latest, "count": len(figures), "own": None}
    higher_better = indicator.direction == indicator.Direction.HIGHER
    if higher_better:
        rank = 1 + sum(1 for value in figures if value > own)
    else:
        rank = 1 + sum(1 for value in figures if value < own)
    middle = len(figures) // 2
    median = figures[middle] if len(figures) % 2 else (figures[middle - 1] + figures[middle]) / 2
    return {
        "year": latest,
        "count": len(figures),
        "own": own,
        "median": median,
        "rank": rank if indicator.direction != indicator.Direction.NEUTRAL else None,
    }
