"""The action plan: the year's activities by status and priority area, whether goals were
reached, and what the follow-ups say."""

from django.apps import apps
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from core.charts import bar_chart
from planning import counts
from planning.models import Activity, FollowUp

from . import (
    Provider,
    Section,
    key_values,
    organisation_columns,
    organisation_filters,
    staff_list,
)

MAX_LISTED = 100


def _plans(scope):
    ActionPlan = apps.get_model("planning", "ActionPlan")
    # The child-rights plan; public-health plans have their own part (sections/publichealth.py).
    return ActionPlan.objects.filter(organisation_id__in=scope.organisation_ids).filter(
        counts.plan_covers(scope.year), counts.plan_part(counts.CHILD_RIGHTS)
    )


def collect(scope) -> dict:

    ActivityStatus = Activity.Status

    plans = _plans(scope)
    in_year = counts.active_in(scope.year)
    statuses = {}
    areas = {}
    for org, area, status, n in (
        Activity.objects.filter(plan__in=plans)
        .filter(in_year)
        .values("organisation_id", "goal__area__title", "status")
        .annotate(n=Count("pk"))
        .order_by("goal__area__title")
        .values_list("organisation_id", "goal__area__title", "status", "n")
    ):
        statuses.setdefault(org, {}).setdefault(status, 0)
        statuses[org][status] += n
        areas.setdefault(area, {}).setdefault(status, 0)
        areas[area][status] += n
    follow_ups = FollowUp.objects.filter(plan__in=plans).filter(
        Q(period=str(scope.year)) | Q(period__startswith=f"{scope.year} ")
    )
    reached = {}
    for org, value, n in (
        follow_ups.values("organisation_id", "goal_reached")
        .annotate(n=Count("pk"))
        .values_list("organisation_id", "goal_reached", "n")
    ):
        reached.setdefault(org, {})[value] = n
    comments = [
        {
            "activity": row["activity__title"],
            "period": row["period"],
            "result": row["result"],
            "effects": row["effects_for_children"],
            "more_measures": row["more_measures_needed"],
        }
        for row in follow_ups.order_by("activity__title", "period", "id").values(
            "activity__title", "period", "result", "effects_for_children", "more_measures_needed"
        )[:MAX_LISTED]
    ]

    def part(org_ids):
        by_status = {
            s: sum(statuses.get(o, {}).get(s, 0) for o in org_ids) for s in ActivityStatus.values
        }
        goals = {
            v: sum(reached.get(o, {}).get(v, 0) for o in org_ids)
            for v in FollowUp.GoalReached.values
        }
        return {
            "activities": sum(by_status.values()),
            **{f"status_{s}": n for s, n in by_status.items()},
            **{f"goal_{v}": n for v, n in goals.items()},
            "follow_ups": sum(goals.values()),
        }

    return {
        "plans": [plan.title for plan in plans.order_by("title")],
        "organisations": {str(pk): part([pk]) for pk in scope.organisation_ids},
        "total": part(scope.organisation_ids),
        "areas": [
            {"title": title, **{s: found.get(s, 0) for s in ActivityStatus.values}}
            for title, found in sorted(areas.items(), key=lambda item: item[0] or "")
        ],
        "comments": comments,
    }


def render(figures, scope) -> Section:

    ActivityStatus = Activity.Status

    section = Section("plan", _("The action plan"))
    t = figures["total"]
    if not figures["plans"]:
        section.say("plans", _("No action plan covered %(year)s.") % {"year": scope.year})
        return section
    section.say(
        "plans",
        _("The year's work followed %(plans)s.") % {"plans": ", ".join(figures["plans"])},
    )
    section.say(
        "activities",
        _(
            "%(count)s activities were planned for %(year)s: %(done)s done, %(ongoing)s "
            "ongoing, %(planned)s not yet started, %(postponed)s postponed and %(cancelled)s "
            "cancelled."
        )
        % {
            "count": t["activities"],
            "year": scope.year,
            **{s: t[f"status_{s}"] for s in ActivityStatus.values},
        },
    )
    if t["follow_ups"]:
        section.say(
            "goals",
            _(
                "In the follow-ups of %(year)s the goal was reached for %(yes)s activities, "
                "partly for %(partly)s and not for %(no)s; for %(too_early)s it is too early "
                "to say."
            )
            % {"year": scope.year, **{v: t[f"goal_{v}"] for v in FollowUp.GoalReached.values}},
        )
    else:
        section.say(
            "goals",
            _("No follow-up of the activities has been recorded for %(year)s.")
            % {"year": scope.year},
        )
    rows, links = [], []
    for name, label in (
        [("activities", _("Activities in the year"))]
        + [(f"status_{value}", str(label).capitalize()) for value, label in ActivityStatus.choices]
        + [
            (f"goal_{value}", _("Goal reached: %(answer)s") % {"answer": label})
            for value, label in FollowUp.GoalReached.choices
        ]
    ):
        values = [figures["organisations"][str(pk)][name] for pk in scope.organisation_ids] + (
            [t[name]] if scope.is_joint else []
        )
        rows.append([label, *values])
        # The goal rows count follow-ups, which no list shows across plans: left unlinked.
        links.append([_link(scope, ids, name) for ids in organisation_filters(scope)])
        section.figure(name, label, key_values(scope, figures, name))
    section.table(
        _("The action plan in %(year)s") % {"year": scope.year},
        [_("Figure"), *organisation_columns(scope)],
        rows,
        cell_links=links,
    )
    chart = bar_chart(
        _("Activities %(year)s by status") % {"year": scope.year},
        [(str(label).capitalize(), t[f"status_{v}"]) for v, label in ActivityStatus.choices],
        id_prefix="report-plan-status",
    )
    section.chart(chart)
    if figures["areas"]:
        section.table(
            _("Activities by priority area and status"),
            [_("Priority area")]
            + [str(label).capitalize() for _v, label in ActivityStatus.choices],
            [[a["title"]] + [a[v] for v in ActivityStatus.values] for a in figures["areas"]],
            cell_links=[
                [
                    _link(scope, scope.organisation_ids, f"status_{v}", area=a["title"])
                    if a["title"]
                    else ""
                    for v in ActivityStatus.values
                ]
                for a in figures["areas"]
            ],
        )
    if figures["comments"]:
        section.table(
            _("What the follow-ups say"),
            [
                _("Activity"),
                _("Period"),
                _("Result"),
                _("Effects for children"),
                _("More measures needed"),
            ],
            [
                [c["activity"], c["period"], c["result"], c["effects"], c["more_measures"]]
                for c in figures["comments"]
            ],
        )
    return section


def _link(scope, organisation_ids, name, **more) -> str:
    """The activity list filtered as the count (planning.counts)."""
    if name == "activities":
        status = {}
    elif name.startswith("status_"):
        status = {"status": name.removeprefix("status_")}
    else:
        return ""
    return staff_list(
        "planning:activity_list",
        organisation=organisation_ids,
        year=scope.year,
        part=counts.CHILD_RIGHTS,
        **status,
        **more,
    )


PROVIDER = Provider(
    key="plan",
    order=30,
    requires=("planning.ActionPlan", "planning.Activity", "planning.FollowUp"),
    collect=collect,
    render=render,
)
