"""Karlskoga's demo trainings and child budgets: there, with coverage figures, and loaded twice
without duplicates."""

from django.core.management import call_command

from childbudget.models import BudgetLine, ChildBudget
from core.models import AuditEntry
from organisations.models import Organisation
from training import coverage
from training.models import Headcount, TrainingSession


def test_demo_has_trainings_coverage_and_two_years_of_child_budget(db):
    call_command("load_demo")
    first = (
        TrainingSession.objects.count(),
        Headcount.objects.count(),
        ChildBudget.objects.count(),
        BudgetLine.objects.count(),
        AuditEntry.objects.count(),
    )
    call_command("load_demo")
    assert first == (
        TrainingSession.objects.count(),
        Headcount.objects.count(),
        ChildBudget.objects.count(),
        BudgetLine.objects.count(),
        AuditEntry.objects.count(),
    )
    karlskoga = Organisation.objects.get(scb_code="1883")
    rows = coverage.coverage_rows(karlskoga, 2026)
    assert any(row.reached for row in rows) and any(row.reached is False for row in rows)
    years = set(ChildBudget.objects.filter(organisation=karlskoga).values_list("year", flat=True))
    assert years == {2025, 2026}
    shares = [budget.children_share for budget in ChildBudget.objects.with_sums()]
    assert all(share is not None and 0 < share < 100 for share in shares)
