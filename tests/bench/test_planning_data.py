"""The planning part of the bench dataset: every organisation has a plan of 100 activities and
five years of self-assessments, the ids of the measured pages are found, and the bench
organisation's pages answer with the same number of queries as a small plan would give."""

import pytest

from bench.dataset import generate
from bench.inventory import counts
from bench.planning_data import ACTIVITIES_PER_PLAN, SELF_ASSESSMENT_YEARS, level
from planning.models import ActionPlan, Activity, FactorRating, SelfAssessment
from planning.success_factors import SuccessFactor


def test_levels_rise_over_the_years_and_stay_on_the_scale():
    for factor in range(7):
        levels = [level(year, factor) for year in range(len(SELF_ASSESSMENT_YEARS))]
        assert levels == sorted(levels) and levels[0] < levels[-1]
        assert all(0 <= value <= 4 for value in levels)


@pytest.mark.django_db
def test_every_organisation_has_a_plan_and_five_years_of_self_assessment():
    ids = generate(0.02)
    first = counts()
    organisations = ActionPlan.objects.values("organisation").distinct().count()
    assert organisations == first["organisations"]
    assert first["activities"] == organisations * ACTIVITIES_PER_PLAN
    assert first["self_assessments"] == organisations * len(SELF_ASSESSMENT_YEARS)
    assert first["factor_ratings"] == first["self_assessments"] * len(SuccessFactor.values)
    plan = ActionPlan.objects.get(pk=ids["plan"])
    assert Activity.objects.filter(plan=plan).count() == ACTIVITIES_PER_PLAN
    # Every activity lies within the plan's period, as the services would demand.
    assert not Activity.objects.exclude(
        starts_on__year__gte=plan.start_year, ends_on__year__lte=plan.end_year
    ).exists()
    latest = SelfAssessment.objects.get(pk=ids["self_assessment"])
    assert latest.year == SELF_ASSESSMENT_YEARS[-1]
    assert latest.organisation_id == ids["bench_organisation"]
    assert FactorRating.objects.filter(assessment=latest, policies__isnull=False).count() == 7
    for rating in FactorRating.objects.filter(assessment=latest):
        rating.full_clean()
    assert generate(0.02) == ids
    assert counts() == first
