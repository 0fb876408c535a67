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
