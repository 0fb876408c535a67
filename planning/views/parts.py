"""The plan's parts: priority areas, goals and activities (created and changed by the plan's
owners) and follow-ups (recorded also by the responsible body's people)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from core.deletion import confirm_delete
from core.views.forms import edit_page, service_page
from organisations.access import can, can_on, get_for_user, require

from .. import services
from ..forms import ActivityForm, AreaForm, FollowUpForm, GoalForm
from ..models import Activity, FollowUp, Goal, PriorityArea
from .helpers import plan_for


def _part_for(request, model, pk, action="change"):
    return get_for_user(
        model.objects.select_related("plan", "plan__organisation"), request.user, action, pk=pk
    )


@login_required
@require_http_methods(["GET", "POST"])
def area_create(request, pk):
    plan = plan_for(request, pk, "change")
    instance = PriorityArea(plan=plan, organisation_id=plan.organisation_id)
    return service_page(
        request,
        plan,
        AreaForm,
        services.add_area,
        _("The priority area was added."),
        title=_("New priority area in %(plan)s") % {"plan": plan},
        instance=instance,
    )


@login_required
@require_http_methods(["GET", "POST"])
def area_edit(request, pk):
    area = _part_for(request, PriorityArea, pk)
    return edit_page(
        request, area, AreaForm, services.update_area, _("The priority area was saved.")
    )


@login_required
@require_http_methods(["GET", "POST"])
def goal_create(request, pk):
    area = _part_for(request, PriorityArea, pk)
    instance = Goal(area=area, plan=area.plan, organisation_id=area.organisation_id)
    return service_page(
        request,
        area,
        GoalForm,
        services.add_goal,
        _("The goal was added."),
        title=_("New goal in %(area)s") % {"area": area},
        instance=instance,
    )


@login_required
@require_http_methods(["GET", "POST"])
def goal_edit(request, pk):
    goal = _part_for(request, Goal, pk)
    return edit_page(request, goal, GoalForm, services.update_goal, _("The goal was saved."))


@login_required
@require_http_methods(["GET", "POST"])
def activity_create(request, pk):
    goal = _part_for(request, Goal, pk)
    instance = Activity(goal=goal, plan=goal.plan, organisation_id=goal.organisation_id)
    return service_page(
        request,
        goal,
        ActivityForm,
        services.add_activity,
        _("The activity was added."),
        title=_("New activity for %(goal)s") % {"goal": goal},
        instance=instance,
        plan=goal.plan,
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit(request, pk):
    activity = _part_for(request, Activity, pk)
    return edit_page(
        request,
        activity,
        ActivityForm,
        services.update_activity,
        _("The activity was saved."),
        plan=activity.plan,
    )


@login_required
def activity_detail(request, pk):
    activity = get_for_user(
        Activity.objects.select_related(
            "plan", "plan__organisation", "goal__area", "responsible_body", "responsible_person"
        ),
        request.user,
        pk=pk,
    )
    scope = (activity.organisation_id, activity.responsible_body_id)
    context = {
        "activity": activity,
        "plan": activity.plan,
        "follow_ups": activity.follow_ups.all(),
        "articles": activity.articles.order_by("number"),
        "target_areas": activity.target_areas.order_by("number"),
        # Consultations whose children's views serve this activity.
        "consultations": activity.consultations.visible_to(request.user),
        "can_change": can_on(request.user, "change", activity),
        "can_delete": can_on(request.user, "delete", activity),
        "can_delete_follow_up": can(request.user, "delete", "followup", *scope),
        "can_follow_up": can(request.user, "add", "followup", *scope),
        "can_change_follow_up": can(request.user, "change", "followup", *scope),
        "can_see_history": can(request.user, "view", "auditentry", *activity.permission_scope()),
    }
    return render(request, "planning/activity_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def followup_create(request, pk):
    visible = Activity.objects.visible_to(request.user).select_related("plan")
    activity = get_object_or_404(visible, pk=pk)
    require(request.user, "add", "followup", activity.organisation_id, activity.responsible_body_id)
    instance = FollowUp(
        activity=activity, plan=activity.plan, organisation_id=activity.organisation_id
    )
    return service_page(
        request,
        activity,
        FollowUpForm,
        services.record_follow_up,
        _("The follow-up was saved."),
        title=_("Follow up %(activity)s") % {"activity": activity},
        instance=instance,
        initial={"status": activity.status},
        done=activity,
    )


@login_required
@require_http_methods(["GET", "POST"])
def followup_edit(request, pk):
    follow_up = get_for_user(
        FollowUp.objects.select_related("activity", "plan"), request.user, "change", pk=pk
    )
    return edit_page(
        request,
        follow_up,
        FollowUpForm,
        services.update_follow_up,
        _("The follow-up was saved."),
        title=_("Edit the follow-up %(follow_up)s") % {"follow_up": follow_up},
    )


def _delete_part(request, part, service, consequences=()):
    """Confirm, then delete an area, goal or activity (the service logs every record it
    removes); afterwards the plan is shown."""
    return confirm_delete(
        request,
        part,
        service=service,
        success_url=part.plan.get_absolute_url(),
        consequences=consequences,
    )


@login_required
@require_http_methods(["GET", "POST"])
def area_delete(request, pk):
    area = _part_for(request, PriorityArea, pk, "delete")
    goals = Goal.objects.filter(area=area).count()
    activities = Activity.objects.filter(goal__area=area).count()
    consequences = [
        ngettext("%(count)s goal", "%(count)s goals", goals) % {"count": goals},
        ngettext("%(count)s activity", "%(count)s activities", activities) % {"count": activities},
    ]
    return _delete_part(request, area, services.delete_area, consequences)


@login_required
@require_http_methods(["GET", "POST"])
def goal_delete(request, pk):
    goal = _part_for(request, Goal, pk, "delete")
    count = Activity.objects.filter(goal=goal).count()
    consequence = ngettext("%(count)s activity", "%(count)s activities", count) % {"count": count}
    return _delete_part(request, goal, services.delete_goal, [consequence])


@login_required
@require_http_methods(["GET", "POST"])
def activity_delete(request, pk):
    activity = _part_for(request, Activity, pk, "delete")
    count = FollowUp.objects.filter(activity=activity).count()
    consequence = ngettext("%(count)s follow-up", "%(count)s follow-ups", count) % {"count": count}
    return _delete_part(request, activity, services.delete_activity, [consequence])


@login_required
@require_http_methods(["GET", "POST"])
def followup_delete(request, pk):
    follow_up = get_for_user(
        FollowUp.objects.select_related("activity", "plan"), request.user, "delete", pk=pk
    )
    url = follow_up.get_absolute_url()
    return confirm_delete(
        request, follow_up, service=services.delete_follow_up, success_url=url, cancel_url=url
    )
