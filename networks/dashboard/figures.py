"""The network dashboard's key figures: one row per member organisation, each figure aggregated
in the database (GROUP BY organisation), so that the number of queries is the same for a network
of three members and one of 290 (decision 0017).

What each figure counts:

* Self-assessment: the organisation's own ratings (source "self", not a joint body's) in its
  latest self-assessment up to the chosen year.
* Cases: the decisions taken in the year; "full assessment" counts those whose assessment found
  that children are affected and was approved (approval requires a complete assessment with a
  full-assessment section, see assessments.services.approve_assessment).
* Participation: the consultations that closed in the year, and those with published feedback
  to the children.
* Training: the participants of the year's trainings as a share of the year's headcount (at most
  100 %; someone trained twice counts twice, as on the training coverage page).
* Indicators: each chosen indicator's figure (total, all ages) for the member's SCB code, in the
  latest year up to the chosen year that has a figure for any member.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Max, OuterRef, Q, Subquery, Sum

from assessments.models import Assessment, Decision
from indicators.models import Gender, IndicatorValue
from organisations.models import Organisation
from participation.models import Consultation
from planning.models import FactorRating, SelfAssessment
from planning.success_factors import SuccessFactor
from training.models import Headcount, SessionBody

from ..models import Network


@dataclass
class Member:
    pk: int
    name: str
    scb_code: str
    rating_year: int | None = None
    ratings: dict = field(default_factory=dict)  # factor -> level (None: not rated)
    decided: int = 0
    affecting: int = 0
    full_assessment: int = 0
    consultations: int = 0
    with_feedback: int = 0
    participants: int = 0
    headcount: int = 0
    indicators: dict = field(default_factory=dict)  # indicator pk -> value

    @property
    def full_assessment_share(self) -> float | None:
        return share(self.full_assessment, self.decided)

    @property
    def feedback_share(self) -> float | None:
        return share(self.with_feedback, self.consultations)

    @property
    def coverage(self) -> float | None:
        if not self.headcount:
            return None
        return min(100.0, 100.0 * self.participants / self.headcount)


@dataclass
class IndicatorColumn:
    indicator: object
    year: int | None


@dataclass
class Figures:
    year: int
    members: list[Member]
    indicators: list[IndicatorColumn]


def share(part: int, whole: int) -> float | None:
    return 100.0 * part / whole if whole else None


def member_organisations(network) -> list[Member]:
    """The convener, the member organisations and the organisations of the member bodies."""
    organisations = Network.member_organisations.through.objects.filter(network_id=network.pk)
    bodies = Network.member_bodies.through.objects.filter(network_id=network.pk)
    rows = (
        Organisation.objects.filter(
            Q(pk=network.organisation_id)
            | Q(pk__in=organisations.values("organisation_id"))
            | Q(pk__in=bodies.values("body__organisation_id"))
        )
        .order_by("name", "pk")
        .values_list("pk", "name", "scb_code")
    )
    return [Member(pk, name, code) for pk, name, code in rows]


def collect(network, year: int, indicators=()) -> Figures:
    members = member_organisations(network)
    by_pk = {member.pk: member for member in members}
    ids = list(by_pk)
    _ratings(by_pk, ids, year)
    _cases(by_pk, ids, year)
    _consultations(by_pk, ids, year)
    _training(by_pk, ids, year)
    columns = _indicators(members, list(indicators), year)
    return Figures(year=year, members=members, indicators=columns)


def _ratings(by_pk, ids, year) -> None:
    latest = (
        SelfAssessment.objects.filter(
            organisation_id=OuterRef("assessment__organisation_id"), body=None, year__lte=year
        )
        .order_by("-year")
        .values("year")[:1]
    )
    rows = FactorRating.objects.filter(
        assessment__organisation_id__in=ids,
        assessment__body=None,
        source=FactorRating.Source.SELF,
        assessment__year=Subquery(latest),
    ).values_list("assessment__organisation_id", "assessment__year", "factor", "level")
    for organisation_id, rating_year, factor, level in rows:
        member = by_pk[organisation_id]
        member.rating_year = rating_year
        member.ratings[factor] = level


def _cases(by_pk, ids, year) -> None:
    affecting = Q(case__assessment__children_affected=Assessment.ChildrenAffected.YES)
    rows = (
        Decision.objects.filter(organisation_id__in=ids, decided_on__year=year)
        .values("organisation_id")
        .annotate(
            decided=Count("pk"),
            affecting=Count("pk", filter=affecting),
            full=Count(
                "pk",
                filter=affecting & Q(case__assessment__status=Assessment.Status.APPROVED),
            ),
        )
        .order_by()
    )
    for row in rows:
        member = by_pk[row["organisation_id"]]
        member.decided = row["decided"]
        member.affecting = row["affecting"]
        member.full_assessment = row["full"]


def _consultations(by_pk, ids, year) -> None:
    rows = (
        Consultation.objects.filter(organisation_id__in=ids, closes_on__year=year)
        .values("organisation_id")
        .annotate(
            total=Count("pk"),
            with_feedback=Count("pk", filter=Q(feedback__published_at__isnull=False)),
        )
        .order_by()
    )
    for row in rows:
        member = by_pk[row["organisation_id"]]
        member.consultations = row["total"]
        member.with_feedback = row["with_feedback"]


def _training(by_pk, ids, year) -> None:
    trained = (
        SessionBody.objects.filter(organisation_id__in=ids, session__held_on__year=year)
        .values("organisation_id")
        .annotate(total=Sum("participants"))
        .order_by()
    )
    for row in trained:
        by_pk[row["organisation_id"]].participants = row["total"] or 0
    headcounts = (
        Headcount.objects.filter(organisation_id__in=ids, year=year)
        .values("organisation_id")
        .annotate(total=Sum("count"))
        .order_by()
    )
    for row in headcounts:
        by_pk[row["organisation_id"]].headcount = row["total"] or 0


def _indicators(members, indicators, year) -> list[IndicatorColumn]:
    if not indicators:
        return []
    by_code = {member.scb_code: member for member in members if member.scb_code}
    values = IndicatorValue.objects.filter(
        indicator__in=indicators,
        area_code__in=list(by_code),
        gender=Gender.TOTAL,
        age_band="",
        value__isnull=False,
    )
    latest = dict(
        values.filter(year__lte=year)
        .values("indicator_id")
        .annotate(latest=Max("year"))
        .order_by()
        .values_list("indicator_id", "latest")
    )
    columns = [IndicatorColumn(indicator, latest.get(indicator.pk)) for indicator in indicators]
    wanted = Q()
    for indicator_id, latest_year in latest.items():
        wanted |= Q(indicator_id=indicator_id, year=latest_year)
    if latest:
        for indicator_id, code, value in values.filter(wanted).values_list(
            "indicator_id", "area_code", "value"
        ):
            by_code[code].indicators[indicator_id] = value
    return columns


FACTORS = list(SuccessFactor.choices)
