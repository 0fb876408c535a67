"""What the yearly account counts of a year's decisions, defined once.

The report's decisions section (`reports.sections.decisions`) counts with `tally`, and the case
list's filter (`filters.CaseFilter`: `counted`) lists with `counted`; both read `conditions`
and `complete_assessments`, so a figure and the list behind it cannot drift apart (issue 22).
"""

from collections import Counter

from django.db.models import Count, Q
from django.utils.text import format_lazy

from .completeness import Criteria
from .dimensions import DIMENSIONS, EFFECT_CHOICES, dimension_answers, dimension_sections
from .models import Assessment, Decision, TemplateVersion

COUNTS = (
    "decided",
    "screened",
    "affecting",
    "full_assessment",
    "children_heard",
    "follows",
    "against",
    "follow_up_done",
    "follow_up_overdue",
    "follow_up_planned",
)
# Needs the template's questions, which live in JSON: decided in Python, not in SQL.
COMPUTED = "full_assessment"
AFFECTING = Q(case__assessment__children_affected=Assessment.ChildrenAffected.YES)


def decided_in(year: int, organisation_ids) -> Q:
    """The decisions a yearly account of these organisations counts."""
    return Q(organisation_id__in=organisation_ids, decided_on__year=year)


def conditions(as_of) -> dict[str, Q]:
    """Each count but `COMPUTED` as a condition on a decision; follow-ups are overdue against
    `as_of`, the day the figures are read."""
    screened = Q(case__assessment__children_affected__in=Assessment.ChildrenAffected.values)
    follow_up = Q(follow_up_date__isnull=False)
    open_follow_up = follow_up & Q(follow_up_done_on__isnull=True)
    return {
        "decided": Q(),
        "screened": screened,
        "affecting": AFFECTING,
        "children_heard": AFFECTING & Q(case__assessment__answers__children_heard="yes"),
        "follows": AFFECTING & Q(follows_best_interests=True),
        "against": AFFECTING & Q(follows_best_interests=False),
        "follow_up_done": follow_up & Q(follow_up_done_on__isnull=False),
        "follow_up_overdue": open_follow_up & Q(follow_up_date__lt=as_of),
        "follow_up_planned": open_follow_up & Q(follow_up_date__gte=as_of),
    }


def answer_rows(decisions, *fields) -> tuple[list[tuple], dict]:
    """((pk, *fields, children affected, answers, template version) per decision, the template
    versions' sections by id), in two queries: what `complete_assessments` and
    `sustainability_flags` read. The yearly report reads it once for both (thousands of
    decisions with their answers at national scale)."""
    rows = list(
        decisions.values_list(
            "pk",
            *fields,
            "case__assessment__children_affected",
            "case__assessment__answers",
            "case__assessment__template_version_id",
        )
    )
    versions = {row[-1] for row in rows} - {None}
    sections = dict(TemplateVersion.objects.filter(pk__in=versions).values_list("pk", "sections"))
    return rows, sections


def complete_assessments(decisions, *fields, read=None) -> list[tuple]:
    """(pk, *fields) of the decisions affecting children whose assessment is a complete full
    assessment. `read`: `answer_rows(decisions, *fields)` when the caller has it already."""
    rows, sections = read or answer_rows(decisions.filter(AFFECTING), *fields)
    # Each version's criteria found once, not for each of thousands of decisions.
    criteria = {pk: Criteria(version_sections) for pk, version_sections in sections.items()}
    found = []
    for *values, affected, answers, version in rows:
        check = criteria.get(version)
        if affected != Assessment.ChildrenAffected.YES or check is None:
            continue
        if check.full_assessment and check.is_complete(answers or {}):
            found.append(tuple(values))
    return found


def counted(decisions, name: str, as_of):
    """The decisions among `decisions` that the count `name` counts."""
    if name == COMPUTED:
        return decisions.filter(pk__in=[row[0] for row in complete_assessments(decisions)])
    return decisions.filter(conditions(as_of)[name])


def tally(decisions, as_of, group_by: tuple[str, ...], read=None) -> dict[tuple, Counter]:
    """Every count per group (the values of `group_by`), in three queries (one with `read`,
    `answer_rows(decisions, *group_by)`)."""
    found = {
        tuple(row.pop(field) for field in group_by): Counter(row)
        for row in decisions.values(*group_by)
        .annotate(**{name: Count("pk", filter=q) for name, q in conditions(as_of).items()})
        .order_by()
    }
    for _pk, *group in complete_assessments(decisions, *group_by, read=read):
        found[tuple(group)][COMPUTED] += 1
    return found


def sustainability_flags(decisions, *fields, read=None) -> list[tuple]:
    """(pk, *fields, flags) per decision: the flags name what the sustainability section counts
    it towards: each dimension assessed ("ecological"), with its effect ("ecological_positive"),
    and each public-health target area it concerned ("area_3"). `read`: as in
    `complete_assessments`."""
    rows, sections = read or answer_rows(decisions, *fields)
    # Each version's dimension questions found once, not for each of thousands of decisions.
    reduced = {pk: dimension_sections(part) for pk, part in sections.items()}
    found = []
    for *values, _affected, answers, version in rows:
        flags = set()
        for entry in dimension_answers(reduced.get(version, []), answers or {}):
            if entry.answered:
                flags |= {entry.key, f"{entry.key}_{entry.effect or 'described'}"}
                flags |= {f"area_{number}" for number in entry.target_areas}
        found.append((*values, flags))
    return found


def sustainability_choices() -> list[tuple[str, str]]:
    """The flags a list can be filtered by: each dimension, and each with an effect."""
    choices = []
    for key, label in DIMENSIONS:
        choices.append((key, label))
        choices += [
            (f"{key}_{effect}", format_lazy("{}: {}", label, name))
            for effect, name in EFFECT_CHOICES
        ]
    return choices


def with_flag(decisions, flag: str):
    """Those of `decisions` whose sustainability flags include `flag`."""
    pks = [pk for pk, flags in sustainability_flags(decisions) if flag in flags]
    return decisions.filter(pk__in=pks)


def decisions_of(cases):
    """The decisions of a queryset of cases, for `counted`."""
    return Decision.objects.filter(case__in=cases)
