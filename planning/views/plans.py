"""Action plans: the list, create, edit, the overview with progress and timeline, and the
export of the plan's activities."""

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.charts import bar_chart
from organisations.access import can, creatable_organisations, get_for_user, require
from organisations.models import Organisation

from .. import services
from ..exports import activity_table
from ..forms import PlanForm
from ..models import ActionPlan, Activity, FollowUp, Goal, PriorityArea
from ..timeline import activity_timeline
from .helpers import export_response, plan_for, render_form, save_or_show_errors


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
    organisation = get_for_user(Organisation.objects, request.user, pk=organisation_pk)
    require(request.user, "add", "actionplan", organisation.pk)
    form = PlanForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        plan = services.create_plan(organisation, by=request.user, **form.cleaned_data)
        messages.success(request, _("The plan was created. Now add its priority areas."))
        return redirect(plan)
    title = _("New action plan in %(organisation)s") % {"organisation": organisation}
    return render_form(request, form, title, reverse("planning:plan_list"))


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, pk):
    plan = plan_for(request, pk, "change")
    form = PlanForm(
        request.POST or None, instance=ActionPlan.objects.get(pk=pk), organisation=plan.organisation
    )
    if request.method == "POST" and form.is_valid():
        fields = form.cleaned_data
        if save_or_show_errors(form, lambda: services.update_plan(plan, by=request.user, **fields)):
            messages.success(request, _("The plan was saved."))
            return redirect(plan)
    title = _("Edit %(plan)s") % {"plan": plan}
    return render_form(request, form, title, plan.get_absolute_url())


def plan_activities(plan):
    return (
        Activity.objects.filter(plan=plan)
        .select_related("responsible_body", "responsible_person", "goal__area")
        .annotate(follow_up_count=Count("follow_ups"))
        .order_by(
            "goal__area__position", "goal__area_id", "goal__position", "goal_id", "starts_on", "id"
        )
    )


def overview_activities(plan):
    """The plan's activities for the overview: no joins beyond the responsible body's name and
    the follow-ups counted in a query of their own (grouping the joined rows made the page slow
    on a plan of a hundred activities). In date order; the view groups them by goal."""
    counts = dict(
        FollowUp.objects.filter(plan=plan)
        .values("activity_id")
        .annotate(count=Count("id"))
        .values_list("activity_id", "count")
    )
    activities = (
        Activity.objects.filter(plan=plan)
        .select_related("responsible_body")
        .only("id", "goal_id", "title", "starts_on", "ends_on", "status", "responsible_body__name")
        .order_by("starts_on", "id")
    )
    for activity in activities:
        activity.follow_up_count = counts.get(activity.pk, 0)
        yield activity


@login_required
def plan_detail(request, pk):
    """The plan's tree, its progress per priority area and its timeline, in a fixed number of
    queries whatever the plan's size."""
    plan = plan_for(request, pk)
    areas = list(PriorityArea.objects.filter(plan=plan))
    goals = list(Goal.objects.filter(plan=plan).prefetch_related("articles"))
    activities = list(overview_activities(plan))
    by_goal, by_area = {}, {}
    for activity in activities:
        by_goal.setdefault(activity.goal_id, []).append(activity)
    labels = {value: capfirst(str(label)) for value, label in Activity.Status.choices}
    for goal in goals:
        goal.plan_activities = by_goal.get(goal.pk, [])
        goal.activity_rows = _activity_rows(goal.plan_activities, labels)
        goal.article_numbers = ", ".join(str(article.number) for article in goal.articles.all())
        goal.caption = _("Activities for the goal %(title)s") % {"title": goal.title}
        by_area.setdefault(goal.area_id, []).append(goal)
    for area in areas:
        area.plan_goals = by_area.get(area.pk, [])
        area.progress = _progress(area, [a for g in area.plan_goals for a in g.plan_activities])
    scope = plan.permission_scope()
    can_change = can(request.user, "change", "actionplan", *scope)
    can_delete = can(request.user, "delete", "priorityarea", *scope)
    for goal in goals:
        goal.links = _goal_links(goal, can_change, can_delete)
    timeline = activity_timeline(plan, activities, id_prefix="plan-timeline")
    context = {
        "plan": plan,
        "areas": areas,
        "activity_count": len(activities),
        "timeline": timeline,
        "timeline_rows": _timeline_rows(timeline.rows),
        "can_change": can_change,
        "can_delete": can_delete,
        "can_see_history": can(request.user, "view", "auditentry", *scope),
    }
    return render(request, "planning/plan_detail.html", context)


def _activity_rows(activities, labels):
    """The table rows of a goal's activities, written in Python rather than the template
    language: a plan has about a hundred of them, and the template engine made the overview
    twice as slow (decision 0008 does the same for form widgets). Every value is escaped."""
    base = reverse("planning:activity_detail", args=[0])[: -len("0/")]
    return mark_safe(
        "".join(
            f'<tr><th scope="row"><a href="{base}{activity.pk}/">{escape(activity.title)}</a></th>'
            f"<td>{escape(activity.responsible_body or '–')}</td>"
            f"<td>{activity.starts_on.isoformat()} – {activity.ends_on.isoformat()}</td>"
            f"<td>{escape(labels.get(activity.status, activity.status))}</td>"
            f"<td>{int(activity.follow_up_count)}</td></tr>"
            for activity in activities
        )
    )


def _goal_links(goal, can_change, can_delete):
    """A goal's edit, add and delete links, written in Python for the same reason."""
    if not can_change:
        return ""
    title = {"title": goal.title}
    links = [
        (reverse("planning:goal_edit", args=[goal.pk]), _("Edit the goal %(title)s") % title),
        (
            reverse("planning:activity_create", args=[goal.pk]),
            _("Add an activity to %(title)s") % title,
        ),
    ]
    if can_delete:
        links.append(
            (
                reverse("planning:goal_delete", args=[goal.pk]),
                _("Delete the goal %(title)s") % title,
            )
        )
    return mark_safe(
        " · ".join(f'<a href="{escape(url)}">{escape(text)}</a>' for url, text in links)
    )


def _timeline_rows(rows):
    return mark_safe(
        "".join(
            f'<tr><th scope="row">{escape(title)}</th><td>{escape(starts)}</td>'
            f"<td>{escape(ends)}</td><td>{escape(capfirst(status))}</td></tr>"
            for title, starts, ends, status in rows
        )
    )


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
