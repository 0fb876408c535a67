"""Action plans: the list, create, edit, the overview with progress and timeline, and the
export of the plan's activities."""

from collections import Counter
from typing import NamedTuple

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.charts import bar_chart
from core.exports import export_response
from core.views.forms import edit_page, form_page
from core.views.lookups import organisation_for
from organisations.access import can, creatable_organisations

from .. import services
from ..exports import activity_table
from ..forms import PlanForm
from ..models import ActionPlan, Activity, FollowUp, Goal, PriorityArea
from ..timeline import activity_timeline
from .helpers import plan_for


@login_required
def plan_list(request):
    plans = (
        ActionPlan.objects.visible_to(request.user)
        .select_related("organisation", "body")
        .annotate(activity_count=Count("activity"))
    )
    creatable = creatable_organisations(request.user, "actionplan")
    return render(request, "planning/plan_list.html", {"plans": plans, "creatable": creatable})


@login_required
@require_http_methods(["GET", "POST"])
def plan_create(request, organisation_pk):
    organisation = organisation_for(request, organisation_pk, "add", "actionplan")
    return form_page(
        request,
        PlanForm(request.POST or None, organisation=organisation),
        title=_("New action plan in %(organisation)s") % {"organisation": organisation},
        back=reverse("planning:plan_list"),
        save=lambda form: services.create_plan(organisation, by=request.user, **form.cleaned_data),
        saved=_("The plan was created. Now add its priority areas."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, pk):
    plan = plan_for(request, pk, "change")
    return edit_page(
        request,
        plan,
        PlanForm,
        services.update_plan,
        _("The plan was saved."),
        organisation=plan.organisation,
    )


def plan_activities(plan):
    return (
        Activity.objects.filter(plan=plan)
        .select_related("responsible_body", "responsible_person", "goal__area")
        .annotate(follow_up_count=Count("follow_ups"))
        .order_by(
            "goal__area__position", "goal__area_id", "goal__position", "goal_id", "starts_on", "id"
        )
    )


class OverviewActivity(NamedTuple):
    """What the overview shows of an activity: plain values, no model instances (a plan has
    about a hundred activities, and building models was a tenth of the page's time)."""

    pk: int
    goal_id: int
    title: str
    starts_on: object
    ends_on: object
    status: str
    responsible_body: str | None
    follow_up_count: int

    @property
    def status_label(self) -> str:
        return capfirst(Activity.Status(self.status).label)


def overview_activities(plan) -> list[OverviewActivity]:
    """The plan's activities for the overview: no joins beyond the responsible body's name and
    the follow-ups counted in a query of their own (grouping the joined rows made the page slow
    on a plan of a hundred activities). In date order; the view groups them by goal."""
    counts = dict(
        FollowUp.objects.filter(plan=plan)
        .values("activity_id")
        .annotate(count=Count("id"))
        .values_list("activity_id", "count")
    )
    rows = (
        Activity.objects.filter(plan=plan)
        .order_by("starts_on", "id")
        .values_list(
            "id", "goal_id", "title", "starts_on", "ends_on", "status", "responsible_body__name"
        )
    )
    return [OverviewActivity(*row, counts.get(row[0], 0)) for row in rows]


@login_required
def plan_detail(request, pk):
    """The plan's tree, its progress per priority area and its timeline, in a fixed number of
    queries whatever the plan's size."""
    plan = plan_for(request, pk)
    areas = list(PriorityArea.objects.filter(plan=plan))
    goals = list(Goal.objects.filter(plan=plan))
    # The goals' article numbers in one plain query (no Article models to build).
    articles: dict[int, list[str]] = {}
    for goal_id, number in (
        Goal.articles.through.objects.filter(goal__plan=plan)
        .order_by("article__number")
        .values_list("goal_id", "article__number")
    ):
        articles.setdefault(goal_id, []).append(str(number))
    activities = overview_activities(plan)
    by_goal, by_area = {}, {}
    for activity in activities:
        by_goal.setdefault(activity.goal_id, []).append(activity)
    scope = plan.permission_scope()
    can_change = can(request.user, "change", "actionplan", *scope)
    can_delete = can(request.user, "delete", "priorityarea", *scope)
    for goal in goals:
        goal.plan_activities = by_goal.get(goal.pk, [])
        goal.article_numbers = ", ".join(articles.get(goal.pk, ()))
        by_area.setdefault(goal.area_id, []).append(goal)
    for area in areas:
        area.plan_goals = by_area.get(area.pk, [])
        area.progress = _progress(area, [a for g in area.plan_goals for a in g.plan_activities])
    timeline = activity_timeline(plan, activities, id_prefix="plan-timeline")
    context = {
        "plan": plan,
        "areas": areas,
        "activity_count": len(activities),
        "timeline": timeline,
        "can_change": can_change,
        "can_delete": can_delete,
        "can_see_history": can(request.user, "view", "auditentry", *scope),
    }
    return render(request, "planning/plan_detail.html", context)


def _progress(area, activities):
    counts = Counter(activity.status for activity in activities)
    rows = [(label, counts.get(value, 0)) for value, label in Activity.Status.choices]
    title = _("Activities by status: %(area)s") % {"area": area.title}
    return bar_chart(title, rows, id_prefix=f"area-{area.pk}-progress")


@login_required
def plan_export(request, pk, fmt):
    plan = plan_for(request, pk)
    table = activity_table(plan_activities(plan).select_related("goal"))
    return export_response(fmt, f"handlingsplan-{plan.pk}", _("Activities"), table)
