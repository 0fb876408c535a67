"""Training and child-budget data for the bench (issue 5): per organisation, five years of
trainings with participants per body, headcounts per body, target group and year, a coverage
target, and a child budget per body and year with ten budget lines. Deterministic (seeded by
the SCB code); every name is synthetic. Run by `bench.dataset` as the generator
`training_budget`; bulk data without audit entries, as the other generators."""

import random
from datetime import date
from decimal import Decimal

from bench.plan import Dataset, bulk

YEARS = (2022, 2023, 2024, 2025, 2026)
SESSIONS_PER_YEAR = 4
LINES_PER_BUDGET = 10
GROUPS = ("elected", "managers", "staff")
FORMATS = ("in_person", "digital", "e_learning", "workshop")
TOPICS = (
    "Barnkonventionen som lag",
    "Prövning av barnets bästa",
    "Barns delaktighet",
    "Barnrättsperspektivet i budgeten",
)


def training_budget(data: Dataset) -> None:
    from childbudget.models import BudgetLine, ChildBudget
    from training.models import CoverageTarget, Headcount, SessionBody, TrainingSession

    sessions, session_bodies, headcounts, targets, budgets = [], [], [], [], []
    for organisation in data.organisations:
        rng = random.Random(f"training-{organisation.scb_code}")
        bodies = data.bodies[organisation.pk]
        for year in YEARS:
            targets.append(CoverageTarget(organisation=organisation, year=year, percent=80))
            for body in bodies:
                for group, base in zip(GROUPS, (11, 8, 120), strict=True):
                    headcounts.append(
                        Headcount(
                            organisation=organisation,
                            body=body,
                            year=year,
                            target_group=group,
                            count=base + rng.randrange(base),
                        )
                    )
                budgets.append(
                    ChildBudget(
                        organisation=organisation,
                        body=body,
                        year=year,
                        comment="Syntetiska data för prestandamätning",
                    )
                )
            for number in range(SESSIONS_PER_YEAR):
                chosen = rng.sample(bodies, min(3, len(bodies)))
                counts = [rng.randrange(3, 25) for _body in chosen]
                session = TrainingSession(
                    organisation=organisation,
                    held_on=date(year, 2 + number * 3, 1 + rng.randrange(27)),
                    topic=TOPICS[number % len(TOPICS)],
                    format=FORMATS[number % len(FORMATS)],
                    target_group=GROUPS[number % len(GROUPS)],
                    participants=sum(counts),
                )
                sessions.append((session, list(zip(chosen, counts, strict=True))))
    bulk(TrainingSession, [session for session, _counts in sessions])
    for session, counts in sessions:
        session_bodies.extend(
            SessionBody(
                organisation_id=session.organisation_id,
                session=session,
                body=body,
                participants=participants,
            )
            for body, participants in counts
        )
    bulk(SessionBody, session_bodies)
    bulk(Headcount, headcounts)
    bulk(CoverageTarget, targets)
    bulk(ChildBudget, budgets)
    lines = []
    for budget in budgets:
        rng = random.Random(f"budget-{budget.pk}")
        for position in range(1, LINES_PER_BUDGET + 1):
            lines.append(
                BudgetLine(
                    organisation_id=budget.organisation_id,
                    budget=budget,
                    account=str(4000 + position * 10),
                    text=f"Verksamhet {position}",
                    amount=Decimal(rng.randrange(100_000, 50_000_000)),
                    for_children=position <= 4,
                    position=position,
                )
            )
    bulk(BudgetLine, lines)
