"""The shape of the synthetic cases: how many each municipality has, their statuses, dates,
titles and assessment answers. Pure data and functions; `bench.case_writer` writes them. The
text pools are in `bench.case_texts`, the two showcase cases in `bench.case_showcase`.

About 300 000 cases nationally (scale 1.0), spread over the municipalities. The bench
organisation is the largest municipality (about 20 000 cases, what the largest municipality
decides in a year) at every scale, and every other organisation whose cases the bench user sees
gets NEIGHBOUR_CASES at every scale, so the case pages show the same data at 0.1 and 1.0. The
rest, (NATIONAL_CASES - BENCH_ORGANISATION_CASES) × scale, is spread unevenly over the other
municipalities.

Every case except drafts has an assessment on the shipped standard template: starting an
assessment moves a draft case to "in preparation" (assessments.services.start_assessment), so
a draft case with an assessment cannot exist. Each organisation's cases come from a random
generator seeded with its SCB code (see `case_seeds`), so the cases the bench user sees are
identical at every scale.
"""

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from bench.case_texts import (
    APPROVAL_COMMENTS,
    BEST_INTERESTS,
    CHILD_GROUPS,
    COMPENSATING,
    DESCRIPTIONS,
    FACTS,
    FEEDBACK,
    FOLLOW_UP,
    FOLLOW_UP_NOTES,
    HOW_HEARD,
    LAW,
    NOT_AFFECTED,
    OPTIONS,
    OTHER_ARTICLES,
    OTHER_INTERESTS,
    OUTCOMES,
    PLACES,
    PRINCIPLE_ARTICLES,
    PRINCIPLES,
    PROPOSALS,
    REASONS_AGAINST,
    RESEARCH,
    RETURN_COMMENTS,
    TITLES,
    VIEWS,
    WHY_NOT_HEARD,
)

NATIONAL_CASES = 300_000
BENCH_ORGANISATION_CASES = 20_000
NEIGHBOUR_CASES = 1_000
# The other municipalities get weight 1 / rank ** CASE_SIZE_SKEW (rank in a seeded shuffle):
# the largest of them about 12 500 cases at 1.0, the smallest about 400.
CASE_SIZE_SKEW = 0.6
CASE_CHUNK = 5_000  # cases written (with their assessments, reviews, decisions) per round
SEED = "barnratt-bench-cases"

# The deciding bodies (by name, from bench.plan.MUNICIPALITY_BODIES): case-number prefix and
# weight. Administrations and teams prepare cases but do not decide them.
CASE_BODIES = {
    "Kommunstyrelsen": ("KS", 16),
    "Kommunstyrelsens arbetsutskott": ("KSAU", 6),
    "Barn- och utbildningsnämnden": ("BUN", 22),
    "Socialnämnden": ("SN", 20),
    "Kultur- och fritidsnämnden": ("KFN", 10),
    "Tekniska nämnden": ("TN", 10),
    "Miljö- och byggnadsnämnden": ("MBN", 12),
    "Valnämnden": ("VN", 1),
    "Gemensamma överförmyndarnämnden": ("ÖFN", 3),
}

# (case status, assessment status or None, per mille, days since created (min, max)).
STATUS_PLAN = [
    ("draft", None, 30, (0, 20)),
    ("in_preparation", "in_progress", 90, (0, 90)),
    ("in_preparation", "submitted", 30, (5, 60)),
    ("ready_for_decision", "approved", 40, (10, 60)),
    ("returned", "returned", 30, (15, 120)),
    ("decided", "approved", 780, (30, 365)),
]
# (value, per mille) of the answer to "Does the matter affect children?".
CHILDREN_AFFECTED_PLAN = [("yes", 380), ("no", 540), ("unknown", 80)]
# An assessment in progress has not been answered at all in this share (per mille).
UNANSWERED_IN_PROGRESS = 250

VARIANTS_PER_KIND = 12


@dataclass
class CaseSpec:
    """One case and what hangs on it; people are indexes into the organisation's staff."""

    title: str
    prefix: str
    body_name: str
    status: str
    created_at: datetime
    description: str = ""
    planned_decision_date: date | None = None
    decision_date: date | None = None
    officer: int = 2
    case_number: str = ""
    assessment: dict | None = None  # status, answers, summary, children_affected, ...
    articles: list = field(default_factory=list)
    reviews: list = field(default_factory=list)  # (outcome, comments, created_at)
    decision: dict | None = None


# --- How many cases each organisation gets -----------------------------------------------------


def other_cases(scale: float) -> int:
    return round((NATIONAL_CASES - BENCH_ORGANISATION_CASES) * scale)


def case_counts(scale: float, municipalities: list, bench_pk, neighbour_pks: set) -> dict:
    """Organisation pk -> number of cases. Neighbours (organisations whose cases the bench user
    sees) get NEIGHBOUR_CASES; the rest is spread by 1 / rank ** CASE_SIZE_SKEW."""
    counts = {bench_pk: BENCH_ORGANISATION_CASES}
    others = []
    for municipality in municipalities:
        if municipality.pk == bench_pk:
            continue
        if municipality.pk in neighbour_pks:
            counts[municipality.pk] = NEIGHBOUR_CASES
        else:
            others.append(municipality)
    total = other_cases(scale) - NEIGHBOUR_CASES * sum(
        1 for m in municipalities if m.pk in neighbour_pks and m.pk != bench_pk
    )
    random.Random(SEED).shuffle(others)
    weights = [1 / (rank**CASE_SIZE_SKEW) for rank in range(1, len(others) + 1)]
    scale_by = total / sum(weights) if weights else 0
    shares = [weight * scale_by for weight in weights]
    rounded = [int(share) for share in shares]
    # Largest remainders get the cases lost to rounding, so the total is exact.
    by_remainder = sorted(range(len(shares)), key=lambda i: shares[i] - rounded[i], reverse=True)
    for index in by_remainder[: total - sum(rounded)]:
        rounded[index] += 1
    counts.update((m.pk, n) for m, n in zip(others, rounded, strict=True))
    return counts


# --- Answers --------------------------------------------------------------------------------


def _answers(rng: random.Random, affected: str, complete: bool) -> dict:
    """Answers to the standard template; `complete` answers every question that applies."""
    if affected == "no":
        return {"children_affected": "no", "not_affected_reason": rng.choice(NOT_AFFECTED)}
    groups = sorted(rng.sample(CHILD_GROUPS, rng.randint(1, 3)), key=CHILD_GROUPS.index)
    articles = sorted(PRINCIPLE_ARTICLES + rng.sample(OTHER_ARTICLES, rng.randint(1, 4)))
    heard = "yes" if rng.random() < 0.7 else rng.choice(["no", "unknown"])
    against = "yes" if rng.random() < 0.1 else "no"
    answers = {
        "children_affected": affected,
        "affected_how": rng.choice(["directly", "indirectly", "both"]),
        "child_groups": groups,
        "articles": articles,
        "principles_comment": rng.choice(PRINCIPLES),
        "children_heard": heard,
    }
    if heard == "yes":
        answers["how_heard"] = rng.choice(HOW_HEARD)
        answers["views_summary"] = rng.choice(VIEWS)
    else:
        answers["why_not_heard"] = rng.choice(WHY_NOT_HEARD)
    answers |= {
        "facts": rng.choice(FACTS),
        "research": rng.choice(RESEARCH),
        "law": rng.choice(LAW),
        "options": rng.choice(OPTIONS),
        "consequences": {
            group: {
                "effect": rng.choice(["positive", "positive", "negative", "uncertain"]),
                "size": rng.choice(["small", "moderate", "large"]),
                "likelihood": rng.choice(["unlikely", "possible", "likely"]),
            }
            for group in groups
        },
        "best_interests": rng.choice(BEST_INTERESTS),
        "other_interests": rng.choice(OTHER_INTERESTS),
        "proposal": rng.choice(PROPOSALS),
        "against_best_interests": against,
    }
    if against == "yes":
        answers["reasons_against"] = rng.choice(REASONS_AGAINST)
        answers["compensating_measures"] = rng.choice(COMPENSATING)
    answers["feedback_plan"] = rng.choice(FEEDBACK)
    answers["follow_up"] = rng.choice(FOLLOW_UP)
    if not complete:
        # Work in progress: the first part of the template is answered.
        keys = list(answers)
        answers = {key: answers[key] for key in keys[: rng.randint(2, len(keys) - 3)]}
    return answers


def answer_variants(summarise) -> dict:
    """(children affected, complete) -> a list of (answers, summary); summaries are made once
    per variant with the app's own generator (`summarise(answers)`)."""
    variants = {}
    for affected, _share in CHILDREN_AFFECTED_PLAN:
        for complete in (True, False):
            rng = random.Random(f"{SEED}-{affected}-{complete}")
            pool = []
            for _ in range(VARIANTS_PER_KIND):
                answers = _answers(rng, affected, complete)
                pool.append((answers, summarise(answers)))
            variants[affected, complete] = pool
    return variants


# --- One organisation's cases --------------------------------------------------------------


def _pick(rng: random.Random, plan: list, weight: int):
    """An entry of `plan`, whose entry[weight] are per mille."""
    point, total = rng.random() * 1000, 0
    for entry in plan:
        total += entry[weight]
        if point < total:
            return entry
    return plan[-1]


def case_seeds(municipalities: list, neighbour_pks: set) -> dict:
    """Organisation pk -> the seed of its cases: its SCB code, but for the neighbours their
    place among the neighbours (the hosts of the joint bodies that serve the bench organisation
    differ between scales), so that the bench user sees the same cases at every scale."""
    seeds = {m.pk: m.scb_code for m in municipalities}
    neighbours = sorted((m.scb_code, m.pk) for m in municipalities if m.pk in neighbour_pks)
    seeds.update((pk, f"neighbour-{index}") for index, (_code, pk) in enumerate(neighbours))
    return seeds


def organisation_cases(
    seed: str, count: int, body_names: list, anchor: datetime, variants: dict, extra=()
) -> list[CaseSpec]:
    """`count` cases of a municipality (`extra` among them), oldest first, numbered per year
    (KS 2026/17). The same seed (see `case_seeds`) and count give the same cases at every
    scale."""
    rng = random.Random(f"{SEED}-{seed}")
    deciding = [name for name in body_names if name in CASE_BODIES]
    cum_weights, running = [], 0
    for name in deciding:
        running += CASE_BODIES[name][1]
        cum_weights.append(running)
    specs = [
        _case(rng, rng.choices(deciding, cum_weights=cum_weights)[0], anchor, variants)
        for _ in range(count - len(extra))
    ]
    specs.extend(extra)
    specs.sort(key=lambda spec: spec.created_at)
    numbers = {}
    for spec in specs:
        year = spec.created_at.year
        numbers[year] = numbers.get(year, 0) + 1
        spec.case_number = f"{spec.prefix} {year}/{numbers[year]}"
    return specs


def _case(rng, body_name, anchor, variants) -> CaseSpec:
    status, assessment_status, _share, (youngest, oldest) = _pick(rng, STATUS_PLAN, 2)
    created_at = anchor - timedelta(days=rng.uniform(youngest, oldest))
    created_at = created_at.replace(microsecond=0)
    today = anchor.date()
    year = created_at.year
    place = rng.choice(PLACES)
    spec = CaseSpec(
        title=rng.choice(TITLES).format(place=place, year=year + 1, next_year=(year + 2) % 100),
        prefix=CASE_BODIES[body_name][0],
        body_name=body_name,
        status=status,
        created_at=created_at,
        description=rng.choice(DESCRIPTIONS),
        officer=rng.choice([2, 3]),  # the two case officers (bench.plan.ROLE_PLAN)
    )
    planned = created_at.date() + timedelta(days=rng.randint(30, 120))
    spec.planned_decision_date = planned
    if assessment_status is None:
        return spec
    affected = _pick(rng, CHILDREN_AFFECTED_PLAN, 1)[0]
    complete = assessment_status != "in_progress"
    if assessment_status == "in_progress" and rng.random() * 1000 < UNANSWERED_IN_PROGRESS:
        answers, summary = {}, ""
    else:
        answers, summary = rng.choice(variants[affected, complete])
    worked = created_at + timedelta(days=rng.uniform(2, 20))
    spec.assessment = {
        "status": assessment_status,
        "answers": answers,
        "summary": summary,
        "children_affected": answers.get("children_affected", ""),
        "lock_version": rng.randint(2, 6) if answers else 1,
        "updated_at": min(worked, anchor),
    }
    spec.articles = list(answers.get("articles", []))
    if assessment_status in ("approved", "returned"):
        reviewed = worked + timedelta(days=rng.uniform(1, 10))
        if assessment_status == "returned":
            spec.reviews.append(("returned", rng.choice(RETURN_COMMENTS), reviewed))
        else:
            if rng.random() < 0.12:
                earlier = reviewed - timedelta(days=rng.uniform(1, 5))
                spec.reviews.append(("returned", rng.choice(RETURN_COMMENTS), earlier))
            spec.reviews.append(("approved", rng.choice(APPROVAL_COMMENTS), reviewed))
    if status == "decided":
        decided_on = min((created_at + timedelta(days=rng.randint(25, 90))).date(), today)
        spec.decision_date = decided_on
        spec.planned_decision_date = min(planned, decided_on)
        spec.decision = _decision(rng, answers, decided_on, today)
    return spec


def _decision(rng, answers, decided_on: date, today: date) -> dict:
    against = answers.get("against_best_interests") == "yes"
    follow_up_date = follow_up_done_on = None
    notes = ""
    if answers.get("children_affected") != "no" and rng.random() < 0.5:
        follow_up_date = decided_on + timedelta(days=180)
        if follow_up_date < today and rng.random() < 0.85:
            follow_up_done_on = min(follow_up_date + timedelta(days=rng.randint(0, 20)), today)
            notes = rng.choice(FOLLOW_UP_NOTES)
    return {
        "outcome": rng.choice(OUTCOMES),
        "decided_on": decided_on,
        "follows_best_interests": not against,
        "reasons": answers.get("reasons_against", "") if against else "",
        "compensating_measures": answers.get("compensating_measures", "") if against else "",
        "feedback_plan": answers.get("feedback_plan", ""),
        "follow_up_date": follow_up_date,
        "follow_up_done_on": follow_up_done_on,
        "follow_up_notes": notes,
    }


def anchor_time(now: datetime | None = None) -> datetime:
    """Midnight (UTC) today: case times are relative to it, the same for both scales of a run."""
    now = now or datetime.now(UTC)
    return now.replace(hour=0, minute=0, second=0, microsecond=0)
