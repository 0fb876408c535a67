"""Coverage: how much of each body's headcount a year's trainings reached, against the target,
and who of the organisation's people has not been trained yet. Pure reads, a fixed number of
queries whatever the data."""

from dataclasses import dataclass

from django.db.models import Sum
from django.utils.translation import gettext as _

from organisations.models import Membership

from .models import CoverageTarget, Headcount, SessionBody, TargetGroup, TrainingSession


@dataclass(frozen=True)
class CoverageRow:
    body_id: int
    body: str
    target_group: str
    headcount: int | None
    trained: int
    target: int | None

    @property
    def group_label(self) -> str:
        return TargetGroup(self.target_group).label

    @property
    def share(self) -> float | None:
        """Participants as a share of the headcount, at most 100 (people trained twice count
        twice in the participant figures)."""
        if not self.headcount:
            return None
        return min(100.0, 100.0 * self.trained / self.headcount)

    @property
    def reached(self) -> bool | None:
        if self.share is None or self.target is None:
            return None
        return self.share >= self.target


def target_for(organisation, year) -> int | None:
    return (
        CoverageTarget.objects.filter(organisation=organisation, year=year)
        .values_list("percent", flat=True)
        .first()
    )


def coverage_rows(organisation, year: int) -> list[CoverageRow]:
    """One row per body and target group that has a headcount or trained participants."""
    target = target_for(organisation, year)
    headcounts = {
        (body_id, group): (name, count)
        for body_id, name, group, count in Headcount.objects.filter(
            organisation=organisation, year=year
        ).values_list("body_id", "body__name", "target_group", "count")
    }
    trained = {}
    names = {}
    for body_id, name, group, total in (
        SessionBody.objects.filter(organisation=organisation, session__held_on__year=year)
        .values_list("body_id", "body__name", "session__target_group")
        .annotate(total=Sum("participants"))
        .order_by()
    ):
        trained[(body_id, group)] = total
        names[body_id] = name
    order = list(TargetGroup.values)
    keys = sorted(
        set(headcounts) | set(trained),
        key=lambda key: (headcounts.get(key, (names.get(key[0]),))[0], order.index(key[1])),
    )
    return [
        CoverageRow(
            body_id=key[0],
            body=headcounts[key][0] if key in headcounts else names[key[0]],
            target_group=key[1],
            headcount=headcounts[key][1] if key in headcounts else None,
            trained=trained.get(key, 0),
            target=target,
        )
        for key in keys
    ]


def chart_rows(rows: list[CoverageRow]) -> list[tuple[str, float | None]]:
    return [(f"{row.body} – {row.group_label}", row.share) for row in rows]


@dataclass(frozen=True)
class Untrained:
    body: str
    people: list[str]


def not_yet_trained(organisation) -> list[Untrained]:
    """The organisation's people, per body of their membership (or the whole organisation),
    who are not named as having taken part in any of its trainings."""
    trained_ids = set(
        TrainingSession.attendees.through.objects.filter(
            trainingsession__organisation=organisation
        ).values_list("user_id", flat=True)
    )
    rows = (
        Membership.objects.filter(organisation=organisation, user__is_active=True)
        .exclude(user_id__in=trained_ids)
        .values_list(
            "body__name", "user_id", "user__first_name", "user__last_name", "user__username"
        )
        .order_by()
    )
    by_user: dict[int, tuple[str, set]] = {}
    for body, user_id, first, last, username in rows:
        name = f"{first} {last}".strip() or username
        by_user.setdefault(user_id, (name, set()))[1].add(body)
    # Someone with a role on a body is listed under the body, not also under the whole.
    whole = _("The whole organisation")
    groups: dict[str, list[str]] = {}
    for name, bodies in by_user.values():
        named = {body for body in bodies if body} or {whole}
        for body in named:
            groups.setdefault(body, []).append(name)
    return [Untrained(body, sorted(people)) for body, people in sorted(groups.items())]
