"""The planning data of the synthetic dataset: every organisation's policy documents, an action
plan of ACTIVITIES_PER_PLAN activities (priority areas → goals → activities, with follow-ups),
and five years of self-assessments of the seven success factors with their evidence. Run by
`bench.dataset` after the participation data.

Everything is the same for every organisation (a rising trend, the same shape), so the bench
organisation's plan overview and self-assessment page show identical data at every scale and
the total grows with the number of organisations (about 31 000 activities at 1.0).
"""

from datetime import date

from bench.plan import Dataset, bulk

PLAN_TITLE = "Benchplan för barnets rättigheter"
PLAN_YEARS = (2024, 2028)
AREAS, GOALS_PER_AREA, ACTIVITIES_PER_GOAL = 5, 4, 5
ACTIVITIES_PER_PLAN = AREAS * GOALS_PER_AREA * ACTIVITIES_PER_GOAL  # 100
FOLLOW_UP_PERIODS = ("2024", "2025")
POLICIES_PER_ORGANISATION = 5
SELF_ASSESSMENT_YEARS = tuple(range(2021, 2026))  # five years
STATUSES = ("done", "ongoing", "planned", "postponed", "cancelled")
AREA_TITLES = [
    "Barns delaktighet och inflytande",
    "Barnets bästa i besluten",
    "Kunskap om barnets rättigheter",
    "Barns hälsa och trygghet",
    "Barn i ekonomisk utsatthet",
]


def activity_dates(number: int) -> tuple[date, date]:
    """Spread over the plan's five years; each activity lasts one to two years."""
    start_year = PLAN_YEARS[0] + number % 5
    end_year = min(PLAN_YEARS[1], start_year + number % 2)
    return date(start_year, 1 + number % 12, 1), date(end_year, 12, 31)


def level(year_index: int, factor_index: int) -> int:
    """A rising trend: about half a level a year, the factors a step apart."""
    return min(4, (year_index + factor_index % 3) * 2 // 3)


def planning(data: Dataset) -> None:
    from convention.models import Article
    from planning.models import (
        ActionPlan,
        Activity,
        FactorRating,
        FollowUp,
        Goal,
        Policy,
        PriorityArea,
        SelfAssessment,
    )
    from planning.success_factors import SuccessFactor

    articles = list(Article.objects.filter(number__in=(2, 3, 6, 12)).order_by("number"))
    organisations = data.organisations
    policies = bulk(
        Policy,
        [
            Policy(
                organisation=organisation,
                kind=Policy.Kind.POLICY if number % 2 else Policy.Kind.PROGRAMME,
                title=f"Benchpolicy {number + 1} för barn och unga",
                adopted_on=date(2022, 3, 1 + number),
                next_revision=date(2027, 3, 1 + number),
                success_factors=[SuccessFactor.values[number % 7]],
            )
            for organisation in organisations
            for number in range(POLICIES_PER_ORGANISATION)
        ],
    )
    plans = bulk(
        ActionPlan,
        [
            ActionPlan(
                organisation=organisation,
                title=PLAN_TITLE,
                start_year=PLAN_YEARS[0],
                end_year=PLAN_YEARS[1],
                status=ActionPlan.Status.ADOPTED,
            )
            for organisation in organisations
        ],
    )
    areas = bulk(
        PriorityArea,
        [
            PriorityArea(
                organisation_id=plan.organisation_id, plan=plan, title=title, position=position
            )
            for plan in plans
            for position, title in enumerate(AREA_TITLES, 1)
        ],
    )
    goals = bulk(
        Goal,
        [
            Goal(
                organisation_id=area.organisation_id,
                plan=area.plan,
                area=area,
                title=f"{area.title}: mål {number}",
                position=number,
                success_factors=[SuccessFactor.values[number % 7]],
                indicator_codes=["N00945"],
            )
            for area in areas
            for number in range(1, GOALS_PER_AREA + 1)
        ],
    )
    Goal.articles.through.objects.bulk_create(
        [
            Goal.articles.through(goal_id=goal.pk, article_id=article.pk)
            for goal in goals
            for article in articles[:2]
        ],
        batch_size=1000,
    )
    bodies = data.bodies
    activities = []
    for goal in goals:
        own_bodies = bodies[goal.organisation_id]
        for number in range(ACTIVITIES_PER_GOAL):
            index = goal.position * ACTIVITIES_PER_GOAL + number
            starts, ends = activity_dates(index)
            activities.append(
                Activity(
                    organisation_id=goal.organisation_id,
                    plan=goal.plan,
                    goal=goal,
                    title=f"Aktivitet {index + 1}: {goal.area.title.lower()}",
                    responsible_body=own_bodies[1 + index % 5],
                    starts_on=starts,
                    ends_on=ends,
                    status=STATUSES[index % len(STATUSES)],
                    cost=10_000 * (1 + index % 9),
                )
            )
    activities = bulk(Activity, activities)
    bulk(
        FollowUp,
        [
            FollowUp(
                organisation_id=activity.organisation_id,
                plan=activity.plan,
                activity=activity,
                period=period,
                status=activity.status,
                result="Genomfört enligt plan för perioden.",
                effects_for_children="Fler barn har fått säga sin mening.",
                goal_reached="partly",
            )
            for activity in activities
            for period in FOLLOW_UP_PERIODS
            if activity.starts_on.year <= int(period)
        ],
    )
    assessments = bulk(
        SelfAssessment,
        [
            SelfAssessment(organisation=organisation, year=year, summary="Årets självskattning.")
            for organisation in organisations
            for year in SELF_ASSESSMENT_YEARS
        ],
    )
    ratings = bulk(
        FactorRating,
        [
            FactorRating(
                organisation_id=assessment.organisation_id,
                assessment=assessment,
                factor=factor,
                level=level(SELF_ASSESSMENT_YEARS.index(assessment.year), index),
                evidence="Beslut och uppföljning visar nivån.",
                links=["https://example.org/utbildning"],
                next_steps="Fortsätt enligt handlingsplanen.",
            )
            for assessment in assessments
            for index, factor in enumerate(SuccessFactor.values)
        ],
    )
    first_policy = {policy.organisation_id: policy for policy in reversed(policies)}
    plan_of = {plan.organisation_id: plan for plan in plans}
    FactorRating.policies.through.objects.bulk_create(
        [
            FactorRating.policies.through(
                factorrating_id=rating.pk, policy_id=first_policy[rating.organisation_id].pk
            )
            for rating in ratings
        ],
        batch_size=1000,
    )
    FactorRating.plans.through.objects.bulk_create(
        [
            FactorRating.plans.through(
                factorrating_id=rating.pk, actionplan_id=plan_of[rating.organisation_id].pk
            )
            for rating in ratings
            if rating.factor == SuccessFactor.LONG_TERM_PLAN
        ],
        batch_size=1000,
    )
