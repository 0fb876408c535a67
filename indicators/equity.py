"""Health equity: differences between groups and areas, read from the stored indicator values.

For each indicator followed in public-health work, the latest year's figure for the
organisation, the municipalities its joint bodies serve (the northern Örebro team's four), the
county and Sweden; for each area the figure for women and men (girls and boys), the gap between
them, the figures by age band, and the gap to Sweden. No new data: the same rows the imports
write and the charts read, in one query per page.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from organisations.models import Organisation

from .comparisons import Area, area_names
from .models import NATIONAL_CODE, Gender, Indicator, IndicatorValue


@dataclass
class AreaFigures:
    area: Area
    year: int | None = None
    total: float | None = None
    women: float | None = None
    men: float | None = None
    ages: list = field(default_factory=list)  # [(age band, value)]
    gap_to_nation: float | None = None

    @property
    def gender_gap(self) -> float | None:
        if self.women is None or self.men is None:
            return None
        return round(self.women - self.men, 1)


@dataclass
class EquityRow:
    indicator: Indicator
    areas: list[AreaFigures]

    @property
    def widest(self) -> AreaFigures | None:
        """The area (the county included, Sweden not) furthest from Sweden."""
        local = [a for a in self.areas if a.gap_to_nation is not None]
        return max(local, key=lambda a: abs(a.gap_to_nation), default=None)


def equity_areas(organisation) -> list[Area]:
    """The organisation, the organisations its joint bodies serve, its county and Sweden."""
    codes = [organisation.scb_code] if organisation.scb_code else []
    served = (
        Organisation.objects.filter(served_by_bodies__organisation=organisation)
        .exclude(scb_code="")
        .exclude(pk=organisation.pk)
        .order_by("name")
        .values_list("scb_code", flat=True)
        .distinct()
    )
    codes += [code for code in served if len(code) == 4]
    counties = [code[:2] for code in codes if len(code) == 4]
    codes += counties[:1]
    codes.append(NATIONAL_CODE)
    codes = list(dict.fromkeys(codes))
    names = area_names(codes)
    if counties and counties[0] not in names:
        names[counties[0]] = _("County")
    return [Area(code, names.get(code, code)) for code in codes]


def health_indicators(user, organisation):
    return (
        Indicator.objects.visible_to(user)
        .filter(Q(public_health=True) | Q(target_areas__isnull=False))
        .filter(Q(organisation__isnull=True) | Q(organisation=organisation))
        .prefetch_related("target_areas")
        .distinct()
        .order_by("position", "name_sv")
    )


def equity_rows(indicators, areas: list[Area]) -> list[EquityRow]:
    indicators = list(indicators)
    codes = [area.code for area in areas]
    values: dict = {}
    for indicator_id, code, year, sex, age, value in (
        IndicatorValue.objects.filter(
            indicator__in=indicators, area_code__in=codes, value__isnull=False
        )
        .order_by("year")
        .values_list("indicator_id", "area_code", "year", "gender", "age_band", "value")
    ):
        # Later years overwrite earlier ones: what is left is the latest figure of each kind.
        values.setdefault(indicator_id, {}).setdefault(code, {})[(sex, age)] = (year, value)
    rows = []
    for indicator in indicators:
        found = values.get(indicator.pk, {})
        nation = found.get(NATIONAL_CODE, {}).get((Gender.TOTAL, ""))
        figures = []
        for area in areas:
            by_kind = found.get(area.code, {})
            total = by_kind.get((Gender.TOTAL, ""))
            year = total[0] if total else None
            figure = AreaFigures(area, year=year, total=total[1] if total else None)
            figure.women = _same_year(by_kind.get((Gender.GIRLS, "")), year)
            figure.men = _same_year(by_kind.get((Gender.BOYS, "")), year)
            figure.ages = sorted(
                (age, pair[1])
                for (sex, age), pair in by_kind.items()
                if sex == Gender.TOTAL and age and pair[0] == year
            )
            if total and nation and area.code != NATIONAL_CODE and nation[0] == year:
                figure.gap_to_nation = round(total[1] - nation[1], 1)
            figures.append(figure)
        rows.append(EquityRow(indicator, figures))
    return rows


def _same_year(pair, year):
    return pair[1] if pair and (year is None or pair[0] == year) else None
