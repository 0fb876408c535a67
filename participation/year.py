"""Who was heard in a year: every consultation an organisation held that year together, online
answers and the age groups heard at meetings, beside the population (issue 22).

A consultation belongs to the year it was held in, as in the yearly account
(`reports.sections.participation`): the year it opened, else the year it was made; drafts are
left out. Read in four queries, however many consultations the year had.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from .heard import HeardTable, age_labels, heard_table, heard_tables, not_heard, population_for
from .models import AgeBand, Consultation, OfflineVoice, Response

# The key for children at a meeting that named several age bands: they cannot be split.
SEVERAL_BANDS = "several"


@dataclass
class YearHeard:
    """What the year page shows: the consultations, totals, tables and the groups not heard."""

    year: int
    consultations: list[Consultation]
    online: int = 0
    offline_children: int = 0
    tables: list[HeardTable] = field(default_factory=list)
    meetings: HeardTable | None = None
    not_heard: list[str] = field(default_factory=list)
    population_source: str = ""

    @property
    def voices_in_all(self) -> int:
        return self.online + self.offline_children


def held_in(year: int) -> Q:
    return Q(opens_on__year=year) | Q(opens_on__isnull=True, created_at__year=year)


def meetings_table(voices: list[tuple[int, int, list]]) -> HeardTable | None:
    """Children heard at meetings by age band; a meeting with several bands counts apart."""
    if not voices:
        return None
    counts = Counter()
    for _consultation, children, bands in voices:
        counts[bands[0] if len(bands) == 1 else SEVERAL_BANDS] += children
    keys = [band for band in AgeBand.values if counts[band]]
    keys += [SEVERAL_BANDS] if counts[SEVERAL_BANDS] else []
    labels = age_labels() | {SEVERAL_BANDS: _("Several age groups together")}
    return heard_table(_("Children at meetings by age"), {key: counts[key] for key in keys}, labels)


def year_heard(consultations: QuerySet, organisation_id: int, year: int) -> YearHeard:
    """`consultations`: those the reader may see (already scoped), of one organisation."""
    held = list(
        consultations.filter(held_in(year))
        .exclude(status=Consultation.Status.DRAFT)
        .annotate(online=Count("responses", filter=Q(responses__suspected_flood=False)))
        .order_by("opens_on", "id")
    )
    ids = [consultation.pk for consultation in held]
    demographics = list(
        Response.objects.filter(consultation_id__in=ids, suspected_flood=False)
        .order_by()
        .values_list("age_band", "gender", "area")
        .annotate(n=Count("id"))
    )
    voices = list(
        OfflineVoice.objects.filter(consultation_id__in=ids).values_list(
            "consultation_id", "children_count", "age_bands"
        )
    )
    at_meetings = Counter()
    for consultation_id, children, _bands in voices:
        at_meetings[consultation_id] += children
    for consultation in held:
        consultation.offline_children = at_meetings[consultation.pk]
    population = population_for(organisation_id, year)
    groups = {
        "age_bands": sorted({band for c in held for band in c.age_bands}),
        "ask_gender": any(c.ask_gender for c in held),
        "areas": list(dict.fromkeys(area for c in held for area in c.area_list())),
    }
    return YearHeard(
        year=year,
        consultations=held,
        online=sum(row[-1] for row in demographics),
        offline_children=sum(at_meetings.values()),
        tables=heard_tables(demographics, population=population, **groups) if held else [],
        meetings=meetings_table(voices),
        not_heard=not_heard(demographics, voice_bands=[b for v in voices for b in v[2]], **groups),
        population_source=population.source,
    )
