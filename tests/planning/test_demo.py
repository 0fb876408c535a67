"""The demo has Karlskoga's plan 2026–2028 and its policies, once however often it loads."""

from django.core.management import call_command

from planning.models import ActionPlan, Activity, FollowUp, Policy


def test_demo_plan_and_policies_load_once(db):
    call_command("load_demo")
    call_command("load_demo")
    plan = ActionPlan.objects.get(title="Handlingsplan för barnets rättigheter")
    assert plan.organisation.scb_code == "1883"
    assert (plan.start_year, plan.end_year, plan.status) == (2026, 2028, "adopted")
    assert plan.priorityarea_set.count() == 3
    assert Activity.objects.filter(plan=plan).count() == 10
    assert set(Activity.objects.values_list("status", flat=True)) == set(Activity.Status.values)
    assert FollowUp.objects.filter(plan=plan).count() == 3
    assert Policy.objects.filter(organisation=plan.organisation).count() == 3
    assert [p.title for p in Policy.objects.due_for_revision()] == [
        "Barn- och ungdomspolitisk policy"
    ]


def test_demo_has_five_years_of_self_assessment_rising_and_the_cycle_at_the_action_plan(db):
    from planning.childfriendly_services import where_it_stands
    from planning.models import ChildFriendlyAgreement, FactorRating, SelfAssessment

    call_command("load_demo")
    call_command("load_demo")
    years = SelfAssessment.objects.filter(organisation__scb_code="1883", body=None)
    assert sorted(years.values_list("year", flat=True)) == [2021, 2022, 2023, 2024, 2025]
    means = []
    for year in sorted(years, key=lambda a: a.year):
        levels = FactorRating.objects.filter(assessment=year).values_list("level", flat=True)
        means.append(sum(levels) / len(levels))
    assert means == sorted(means) and means[0] < means[-1]
    # The sources of 2015 and 2018 describe the policies, the checklist, the youth forum and the
    # network as established: 2021 does not start from nothing (issue 21).
    assert "finns sedan tidigare" in years.get(year=2021).summary
    assert means[0] >= 10 / 7
    agreement = ChildFriendlyAgreement.objects.get()
    # Seed 001: "i sju steg", running until 2019.
    assert agreement.steps.count() == 7
    assert agreement.ends_on.year == 2019
    assert str(where_it_stands(agreement.steps.all())) == "Handlingsplan"
