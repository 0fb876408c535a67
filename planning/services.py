"""Changes to policies and action plans. Views and the demo call these; each writes its audit
entry in the same transaction through `core.audit`."""

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import create_object, delete_object, update_object
from core.models import AuditEntry
from core.uploads import check_upload, display_name, stored_name

from .models import ActionPlan, Activity, FollowUp, Goal, Policy, PriorityArea

# Policies ----------------------------------------------------------------------------------


def file_fields(uploaded) -> dict:
    """A checked upload as the policy's file fields, stored under a generated name."""
    try:
        content_type, extension = check_upload(uploaded)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    return {
        "content_type": content_type,
        "size": uploaded.size,
        "original_name": display_name(uploaded.name),
        "file": File(uploaded, name=stored_name(extension)),
    }


def tags(**lists) -> dict:
    """The many-to-many tags (articles, target areas) that were given, as lists."""
    return {name: list(values) for name, values in lists.items() if values is not None}


def create_policy(
    organisation, *, by, articles=(), target_areas=(), uploaded=None, **fields
) -> Policy:
    if uploaded:
        fields |= file_fields(uploaded)
    m2m = tags(articles=articles, target_areas=target_areas)
    return create_object(Policy, by=by, organisation=organisation, m2m=m2m, **fields)


def update_policy(
    policy: Policy, *, by, articles=None, target_areas=None, uploaded=None, **fields
) -> Policy:
    """Change a policy; a new file replaces the old one, which is removed after the commit."""
    replaced = policy.file.name if uploaded and policy.file else None
    if uploaded:
        fields |= file_fields(uploaded)
    m2m = tags(articles=articles, target_areas=target_areas)
    with transaction.atomic():
        policy = update_object(policy, by=by, m2m=m2m, **fields)
        if replaced:
            storage = policy.file.storage
            transaction.on_commit(lambda: storage.delete(replaced))
    return policy


def delete_policy(policy: Policy, *, by) -> None:
    stored = policy.file.name if policy.file else None
    storage = policy.file.storage
    with transaction.atomic():
        delete_object(policy, by=by)
        if stored:
            # After the transaction: a failed delete must not lose the file.
            transaction.on_commit(lambda: storage.delete(stored))


# Plans -------------------------------------------------------------------------------------


def create_plan(organisation, *, by, **fields) -> ActionPlan:
    return create_object(ActionPlan, by=by, organisation=organisation, **fields)


def update_plan(plan: ActionPlan, *, by, **fields) -> ActionPlan:
    """Change a plan. Its period may not shrink past an activity's dates."""
    with transaction.atomic():
        plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
        start, end = (
            fields.get("start_year", plan.start_year),
            fields.get("end_year", plan.end_year),
        )
        outside = Activity.objects.filter(plan=plan).exclude(
            starts_on__year__gte=start, ends_on__year__lte=end
        )
        if outside.exists():
            raise ValidationError(
                _("Some activities lie outside the new period; change their dates first.")
            )
        status_changed = "status" in fields and fields["status"] != plan.status
        action = AuditEntry.Action.TRANSITION if status_changed else AuditEntry.Action.UPDATE
        return update_object(plan, by=by, action=action, **fields)


def _part_fields(plan: ActionPlan) -> dict:
    return {"organisation_id": plan.organisation_id, "plan": plan}


def add_area(plan: ActionPlan, *, by, **fields) -> PriorityArea:
    return create_object(PriorityArea, by=by, **_part_fields(plan), **fields)


def update_area(area: PriorityArea, *, by, **fields) -> PriorityArea:
    return update_object(area, by=by, **fields)


def add_goal(area: PriorityArea, *, by, articles=(), target_areas=(), **fields) -> Goal:
    m2m = tags(articles=articles, target_areas=target_areas)
    return create_object(Goal, by=by, m2m=m2m, area=area, **_part_fields(area.plan), **fields)


def update_goal(goal: Goal, *, by, articles=None, target_areas=None, **fields) -> Goal:
    m2m = tags(articles=articles, target_areas=target_areas)
    return update_object(goal, by=by, m2m=m2m, **fields)


def add_activity(goal: Goal, *, by, articles=(), target_areas=(), **fields) -> Activity:
    m2m = tags(articles=articles, target_areas=target_areas)
    return create_object(Activity, by=by, m2m=m2m, goal=goal, **_part_fields(goal.plan), **fields)


def update_activity(
    activity: Activity, *, by, articles=None, target_areas=None, **fields
) -> Activity:
    """Change an activity; a new status is logged as a status change."""
    m2m = tags(articles=articles, target_areas=target_areas)
    with transaction.atomic():
        activity = Activity.objects.select_for_update().select_related("plan").get(pk=activity.pk)
        status_changed = "status" in fields and fields["status"] != activity.status
        action = AuditEntry.Action.TRANSITION if status_changed else AuditEntry.Action.UPDATE
        return update_object(activity, by=by, m2m=m2m, action=action, **fields)


def record_follow_up(activity: Activity, *, by, **fields) -> FollowUp:
    """A follow-up for one period. The activity takes the status the follow-up reports, so the
    plan's overview shows where things stand."""
    with transaction.atomic():
        activity = Activity.objects.select_for_update().select_related("plan").get(pk=activity.pk)
        period = " ".join(str(fields.get("period", "")).split()).upper()
        if FollowUp.objects.filter(activity=activity, period=period).exists():
            raise ValidationError(
                {"period": _("The activity already has a follow-up for that period.")}
            )
        follow_up = create_object(
            FollowUp,
            by=by,
            activity=activity,
            **_part_fields(activity.plan),
            **(fields | {"period": period}),
        )
        _take_status_if_latest(follow_up, by=by)
    return follow_up


def update_follow_up(follow_up: FollowUp, *, by, **fields) -> FollowUp:
    with transaction.atomic():
        follow_up = (
            FollowUp.objects.select_for_update().select_related("activity").get(pk=follow_up.pk)
        )
        if "period" in fields:
            fields["period"] = " ".join(str(fields["period"]).split()).upper()
            others = FollowUp.objects.filter(activity=follow_up.activity, period=fields["period"])
            if others.exclude(pk=follow_up.pk).exists():
                raise ValidationError(
                    {"period": _("The activity already has a follow-up for that period.")}
                )
        follow_up = update_object(follow_up, by=by, **fields)
        _take_status_if_latest(follow_up, by=by)
    return follow_up


def _take_status_if_latest(follow_up: FollowUp, *, by) -> None:
    """The activity shows the status of its latest period's follow-up."""
    activity = follow_up.activity
    latest = FollowUp.objects.filter(activity=activity).order_by("-period").first()
    if latest.pk == follow_up.pk and activity.status != follow_up.status:
        update_object(activity, by=by, action=AuditEntry.Action.TRANSITION, status=follow_up.status)


# Deleting plan parts -------------------------------------------------------------------------
# Each part below is deleted through `delete_object` too, so the log keeps every record that
# went with the part, not only the part itself.


def delete_follow_up(follow_up: FollowUp, *, by) -> None:
    delete_object(follow_up, by=by)


def delete_activity(activity: Activity, *, by) -> None:
    with transaction.atomic():
        for follow_up in FollowUp.objects.filter(activity=activity):
            delete_object(follow_up, by=by)
        delete_object(activity, by=by)


def delete_goal(goal: Goal, *, by) -> None:
    with transaction.atomic():
        for activity in Activity.objects.filter(goal=goal):
            delete_activity(activity, by=by)
        delete_object(goal, by=by)


def delete_area(area: PriorityArea, *, by) -> None:
    with transaction.atomic():
        for goal in Goal.objects.filter(area=area):
            delete_goal(goal, by=by)
        delete_object(area, by=by)
