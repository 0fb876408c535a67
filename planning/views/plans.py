"""Action plans: the list, create, edit, the overview with progress and timeline, and the
export of the plan's activities."""

import hashlib
from collections import Counter
from typing import NamedTuple

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.charts import bar_chart
from core.exports import export_response
from core.views.forms import edit_page, form_page
from organisations.access import (
    allowed_bodies,
    can,
    creatable_anywhere,
    get_for_user,
)
from organisations.models import Organisation

from .. import services
from ..exports import activity_table
from ..filters import ActivityFilter
from ..forms import PlanForm
from ..models import ActionPlan, Activity, FollowUp, Goal, PriorityArea
from ..timeline import activity_timeline
from .helpers import plan_for

ACTIVITY_PAGE_SIZE = 50


@login_required
def plan_list(request):
    plans = (
        ActionPlan.objects.visible_to(request.user)
        .select_related("organisation", "body")
        .annotate(activity_count=Count("activity"))
    )
    creatable = creatable_anywhere(request.user, "actionplan")
    return render(request, "planning/plan_list.html", {"plans": plans, "creatable": creatable})


@login_required
def activity_list(request):
    """The activities of every plan the user sees, filtered: the yearly account's activity
    counts link here (issue 22)."""
    activities = (
        Activity.objects.visible_to(request.user)
        .select_related("organisation", "plan", "goal__area")
        .order_by("-starts_on", "-pk")
    )
    filterset = ActivityFilter(request.GET or None, queryset=activities, user=request.user)
    page = Paginator(filterset.qs, ACTIVITY_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "planning/activity_list.html",
        {"filter": filterset, "page": page, "query_string": query.urlencode()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_create(request, organisation_pk):
    organisation = get_for_user(Organisation.objects, request.user, pk=organisation_pk)
    form = PlanForm(
        request.POST or None,
        organisation=organisation,
        plans=ActionPlan.objects.visible_to(request.user),
        bodies=_allowed_bodies(request.user, "add", organisation.pk),
    )
    return form_page(
        request,
        form,
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
        plans=ActionPlan.objects.visible_to(request.user),
        bodies=_allowed_bodies(request.user, "change", plan.organisation_id),
    )


def _allowed_bodies(user, action, organisation_id):
    return allowed_bodies(user, action, "actionplan", organisation_id)


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
    target_areas: dict[int, list[str]] = {}
    for goal_id, number in (
        Goal.target_areas.through.objects.filter(goal__plan=plan)
        .order_by("targetarea__number")
        .values_list("goal_id", "targetarea__number")
    ):
        target_areas.setdefault(goal_id, []).append(str(number))
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
        goal.target_area_numbers = ", ".join(target_areas.get(goal.pk, ()))
        by_area.setdefault(goal.area_id, []).append(goal)
    for area in areas:
        area.plan_goals = by_area.get(area.pk, [])
        area.progress = _progress(area, [a for g in area.plan_goals for a in g.plan_activities])
    timeline = activity_timeline(plan, activities, id_prefix="plan-timeline")
    context = {
        "plan": plan,
        "builds_on": _visible_or_none(plan.builds_on_id, request.user),
        "built_upon_by": ActionPlan.objects.visible_to(request.user)
        .filter(builds_on=plan)
        .select_related("organisation"),
        "areas": areas,
        "activity_count": len(activities),
        "timeline": timeline,
        "can_change": can_change,
        "can_delete": can_delete,
        "can_see_history": can(request.user, "view", "auditentry", *scope),
        "drawn_key": _drawn_key(plan, areas, goals, activities, can_change, can_delete),
    }
    return render(request, "planning/plan_detail.html", context)


def _drawn_key(plan, areas, goals, activities, *permissions) -> str:
    """A digest of everything the areas, goals, activities and timeline show, for their cached
    fragment in plan_detail.html: drawing a hundred activities is most of the page's time, and
    any change to what is shown (or to what the user may do) gives a new key, so the fragment
    is never stale. The language is part of the fragment's key in the template."""
    shown = (
        (plan.pk, plan.start_year, plan.end_year),
        [(area.pk, area.title, area.description) for area in areas],
        [
            (
                goal.pk,
                goal.area_id,
                goal.title,
                goal.success_factors,
                goal.article_numbers,
                goal.target_area_numbers,
                goal.indicator_codes,
            )
            for goal in goals
        ],
        activities,
        permissions,
    )
    return hashlib.sha256(repr(shown).encode()).hexdigest()


def _visible_or_none(pk, user):
    """The plan another one builds on, if this user sees it (its title is not everyone's)."""
    if pk is None:
        return None
    return ActionPlan.objects.visible_to(user).select_related("organisation").filter(pk=pk).first()


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
