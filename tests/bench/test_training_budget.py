"""The bench dataset's training and child-budget data: every organisation has five years of it,
and the pages read it."""

import pytest

from bench.dataset import generate
from bench.inventory import counts
from bench.training_budget import LINES_PER_BUDGET, SESSIONS_PER_YEAR, YEARS


@pytest.mark.django_db
def test_every_organisation_has_five_years_of_trainings_and_budgets():
    from childbudget.models import ChildBudget
    from organisations.models import Body, Organisation

    generate(0.02)
    found = counts()
    organisations, bodies = Organisation.objects.count(), Body.objects.count()
    assert found["training_sessions"] == organisations * len(YEARS) * SESSIONS_PER_YEAR
    assert found["child_budgets"] == bodies * len(YEARS)
    assert found["budget_lines"] == found["child_budgets"] * LINES_PER_BUDGET
    assert found["headcounts"] == found["child_budgets"] * 3
    share = ChildBudget.objects.with_sums().first().children_share
    assert 0 < share < 100
