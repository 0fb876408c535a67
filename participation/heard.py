"""Who was heard (issue 22): answers by age band, gender and school or area beside each group's
share of the population, and the groups nobody answered for.

Privacy (decision 0043): a group with answers but fewer than MIN_GROUP_SIZE is shown as "fewer
than 5", and when it is the only one, the next smallest is hidden too (`privacy.hidden_groups`).
A group with no answers is left out of that count and shown as 0: it is named as not heard
anyway, and counting it as a hidden group would let the total give a lone small group away.

The pure functions take plain values; the database is read by `population_for` (one query) and
by the callers (`results.consultation_results`, `year.year_heard`).
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from organisations.models import AgeBand, PopulationByAge

from .models import Response
from .privacy import hidden_groups, suppression_note

# The genders the population has figures for (SCB: girls and boys); only these are named as
# not heard, since "other" and "not given" have no group in the population to ask.
POPULATION_GENDERS = ("girl", "boy")

Demographics = Iterable[tuple[str, str, str, int]]  # (age band, gender, area, how many)


@dataclass(frozen=True)
class HeardRow:
    """One group: its answers (None when hidden), why hidden, and the two shares."""

    label: str
    count: int | None
    small: bool = False
    answer_share: float | None = None
    population_share: float | None = None

    @property
    def answer_percent(self) -> str:
        return percent(self.answer_share)

    @property
    def population_percent(self) -> str:
        return percent(self.population_share)


@dataclass(frozen=True)
class HeardTable:
    """A breakdown of answers beside the population, with a note when figures are hidden."""

    title: str
    rows: list[HeardRow]
    note: str | None = None
    population_year: int | None = None

    @property
    def has_population(self) -> bool:
        return any(row.population_share is not None for row in self.rows)


@dataclass
class Population:
    """The population per age band of one organisation in one year (the nearest year known)."""

    year: int | None = None
    source: str = ""
    bands: dict[str, PopulationByAge] = field(default_factory=dict)

    def by_age(self, bands: Iterable[str]) -> dict[str, int]:
        return {band: self.bands[band].total for band in bands if band in self.bands}

    def by_gender(self, bands: Iterable[str]) -> dict[str, int]:
        """Girls and boys in the given bands, if every one of those bands has both figures."""
        rows = [self.bands.get(band) for band in bands]
        if not rows or any(r is None or r.girls is None or r.boys is None for r in rows):
            return {}
        return {"girl": sum(r.girls for r in rows), "boy": sum(r.boys for r in rows)}


def percent(share: float | None) -> str:
    if share is None:
        return "–"
    return f"{number_format(round(share * 100), use_l10n=True)} %"


def heard_table(
    title: str,
    counts: dict[str, int],
    labels: dict[str, str],
    population: dict[str, int] | None = None,
    population_year: int | None = None,
) -> HeardTable:
    """`counts` per group key, in the order shown; `population` per key where known."""
    answered = {key: n for key, n in counts.items() if n}
    small, complementary = hidden_groups(answered)
    total = sum(counts.values())
    population = population or {}
    known = sum(population.values())
    rows = []
    for key, n in counts.items():
        hidden = key in small or key in complementary
        rows.append(
            HeardRow(
                label=labels.get(key, key),
                count=None if hidden else n,
                small=key in small,
                answer_share=None if hidden or not total else n / total,
                population_share=population[key] / known if key in population and known else None,
            )
        )
    return HeardTable(title, rows, suppression_note(answered), population_year)


def age_labels() -> dict[str, str]:
    return {key: str(label) for key, label in AgeBand.choices}


def gender_labels() -> dict[str, str]:
    labels = dict(Response.Gender.choices) | {"": pgettext("gender", "not given")}
    return {key: str(label).capitalize() for key, label in labels.items()}


def area_labels() -> dict[str, str]:
    return {"": pgettext("area", "Not given")}


def heard_tables(
    demographics: Demographics,
    *,
    age_bands: Iterable[str],
    ask_gender: bool,
    areas: list[str],
    population: Population,
) -> list[HeardTable]:
    """Answers by age band (the targeted ones and any answered), by gender when asked, and by
    school or area when any are listed, each beside the population where it is known."""
    ages, genders, places = Counter(), Counter(), Counter()
    for age, gender, area, n in demographics:
        ages[age] += n
        genders[gender] += n
        places[area] += n
    targeted = set(age_bands)
    bands = [band for band in AgeBand.values if band in targeted or ages[band]]
    tables = [
        heard_table(
            _("Answers by age"),
            {band: ages[band] for band in bands},
            age_labels(),
            population.by_age(bands),
            population.year,
        )
    ]
    if ask_gender:
        tables.append(
            heard_table(
                _("Answers by gender"),
                {key: genders[key] for key in ("girl", "boy", "other", "")},
                gender_labels(),
                population.by_gender(bands),
                population.year,
            )
        )
    if areas or any(places[key] for key in places if key):
        listed = list(dict.fromkeys([*areas, *sorted(k for k in places if k)]))
        tables.append(
            heard_table(
                _("Answers by school or area"),
                {key: places[key] for key in [*listed, ""]},
                area_labels(),
            )
        )
    return tables


def not_heard(
    demographics: Demographics,
    *,
    age_bands: Iterable[str],
    ask_gender: bool,
    areas: list[str],
    voice_bands: Iterable[str] = (),
) -> list[str]:
    """The targeted age bands, listed schools or areas and (when asked) girls or boys with no
    answer at all; an age band heard at a meeting counts as heard. Naming an empty group tells
    nothing about a child, unlike a small one, which stays hidden."""
    heard_ages, heard_genders, heard_areas = set(voice_bands), set(), set()
    for age, gender, area, n in demographics:
        if n:
            heard_ages.add(age)
            heard_genders.add(gender)
            heard_areas.add(area)
    names = [age_labels()[band] for band in AgeBand.values if band in set(age_bands) - heard_ages]
    names += [area for area in areas if area not in heard_areas]
    if ask_gender:
        labels = dict(Response.Gender.choices)
        names += [str(labels[key]) for key in POPULATION_GENDERS if key not in heard_genders]
    return names


def population_for(organisation_id: int, year: int) -> Population:
    """The organisation's population per age band in `year`, or in the nearest earlier year
    known, or else the earliest later one: one query."""
    rows = list(PopulationByAge.objects.filter(organisation_id=organisation_id))
    years = {row.year for row in rows}
    if not years:
        return Population()
    earlier = [y for y in years if y <= year]
    chosen = max(earlier) if earlier else min(years)
    bands = {row.age_band: row for row in rows if row.year == chosen}
    sources = sorted({row.source for row in bands.values()})
    return Population(chosen, "; ".join(sources), bands)
