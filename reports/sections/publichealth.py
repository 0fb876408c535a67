"""The public-health part of the bokslut för folkhälsa och barnkonvention: the public-health
plans followed in the year (programme, regional plan, team plan), their goals and activities
by national target area, what the follow-ups say about effects for the population and for
children, and the health indicators with their trend and the differences between women and
men, girls and boys, and between the organisations, the county and Sweden."""

from django.apps import apps
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from core.charts import format_value
from planning import counts as plan_counts

from . import PUBLIC_HEALTH, Provider, Section, staff_list

NATION = "0000"
MAX_LISTED = 100
TREND_YEARS = 5  # the change is read against the figure this many years before


def _plans(scope):
    ActionPlan = apps.get_model("planning", "ActionPlan")
    return ActionPlan.objects.filter(organisation_id__in=scope.organisation_ids).filter(
        plan_counts.plan_covers(scope.year), plan_counts.plan_part(plan_counts.PUBLIC_HEALTH)
    )


def collect(scope) -> dict:
    Activity = apps.get_model("planning", "Activity")
    FollowUp = apps.get_model("planning", "FollowUp")
    Goal = apps.get_model("planning", "Goal")
    plans = _plans(scope)
    plan_rows = [
        {"title": title, "kind": kind, "builds_on": builds_on or ""}
        for title, kind, builds_on in plans.order_by("title").values_list(
            "title", "kind", "builds_on__title"
        )
    ]
    in_year = plan_counts.active_in(scope.year)
    areas: dict = {}
    for number, n in (
        Goal.objects.filter(plan__in=plans)
        .values("target_areas__number")
        .annotate(n=Count("pk", distinct=True))
        .values_list("target_areas__number", "n")
    ):
        areas.setdefault(str(number or 0), {})["goals"] = n
    for number, status, n in (
        Activity.objects.filter(plan__in=plans)
        .filter(in_year)
        .values("target_areas__number", "status")
        .annotate(n=Count("pk", distinct=True))
        .values_list("target_areas__number", "status", "n")
    ):
        counts = areas.setdefault(str(number or 0), {})
        counts[status] = counts.get(status, 0) + n
    follow_ups = FollowUp.objects.filter(plan__in=plans).filter(
        Q(period=str(scope.year)) | Q(period__startswith=f"{scope.year} ")
    )
    comments = list(
        follow_ups.order_by("activity__title", "period", "id").values_list(
            "activity__title",
            "period",
            "result",
            "effects_for_population",
            "effects_for_children",
            "goal_reached",
        )[:MAX_LISTED]
    )
    return {
        "plans": plan_rows,
        "areas": areas,
        "follow_ups": [list(row) for row in comments],
        "indicators": _health_indicators(scope),
    }


def _health_indicators(scope) -> dict:
    """Figures of the indicators tagged with a target area: by sex and over time, for each
    organisation, its county and Sweden (one query for the values)."""
    Indicator = apps.get_model("indicators", "Indicator")
    IndicatorValue = apps.get_model("indicators", "IndicatorValue")
    Organisation = apps.get_model("organisations", "Organisation")
    codes = dict(
        Organisation.objects.filter(pk__in=scope.organisation_ids).values_list("pk", "scb_code")
    )
    county = next((code[:2] for code in codes.values() if code and len(code) == 4), "")
    areas = [code for code in codes.values() if code] + [c for c in (county, NATION) if c]
    indicators = list(
        Indicator.objects.filter(Q(public_health=True) | Q(target_areas__isnull=False))
        .filter(Q(organisation__isnull=True) | Q(organisation_id__in=scope.organisation_ids))
        .distinct()
        .order_by("position", "code")
        .values_list("pk", "unit", "direction")
    )
    values: dict = {}
    for indicator_id, area, year, gender, value in (
        IndicatorValue.objects.filter(
            indicator_id__in=[pk for pk, _u, _d in indicators],
            area_code__in=areas,
            year__lte=scope.year,
            year__gte=scope.year - TREND_YEARS - 2,
            age_band="",
            value__isnull=False,
        )
        .order_by("year")
        .values_list("indicator_id", "area_code", "year", "gender", "value")
    ):
        by_area = values.setdefault(str(indicator_id), {}).setdefault(area, {})
        by_area.setdefault(gender, []).append([year, value])
    return {
        "list": [{"id": pk, "unit": unit, "direction": d} for pk, unit, d in indicators],
        "areas": [[str(pk), codes[pk] or ""] for pk in scope.organisation_ids],
        "county": county,
        "values": values,
    }


def render(figures, scope) -> Section:
    ActionPlan = apps.get_model("planning", "ActionPlan")
    section = Section("publichealth", _("Public-health plans and health"), part=PUBLIC_HEALTH)
    kinds = dict(ActionPlan.Kind.choices)
    if figures["plans"]:
        section.say(
            "plans",
            _("The public-health work of %(year)s followed %(plans)s.")
            % {
                "year": scope.year,
                "plans": "; ".join(
                    f"{p['title']} ({kinds.get(p['kind'], p['kind'])}"
                    + (
                        _(", building on %(plan)s") % {"plan": p["builds_on"]}
                        if p["builds_on"]
                        else ""
                    )
                    + ")"
                    for p in figures["plans"]
                ),
            },
        )
    else:
        section.say("plans", _("No public-health plan covered %(year)s.") % {"year": scope.year})
    _target_areas(section, figures, scope)
    _follow_ups(section, figures)
    _indicators(section, figures["indicators"], scope)
    return section


def _target_areas(section, figures, scope):
    if not figures["areas"]:
        return
    Activity = apps.get_model("planning", "Activity")
    TargetArea = apps.get_model("publichealth", "TargetArea")
    names = {str(a.number): f"{a.number}. {a.name}" for a in TargetArea.objects.all()}
    names["0"] = _("No target area given")
    statuses = Activity.Status.choices
    rows = [
        [
            names.get(number, number),
            counts.get("goals", 0),
            sum(counts.get(value, 0) for value, _label in statuses),
        ]
        + [counts.get(value, 0) for value, _label in statuses]
        for number, counts in sorted(figures["areas"].items(), key=lambda i: int(i[0]) or 99)
    ]
    section.say(
        "areas",
        _(
            "The table shows the goals of the public-health plans and their activities of "
            "%(year)s by target area."
        )
        % {"year": scope.year},
    )
    section.table(
        _("Public-health goals and activities by target area"),
        [_("Target area"), _("Goals"), _("Activities")]
        + [str(label).capitalize() for _v, label in statuses],
        rows,
        note=_("A goal or activity tagged with several target areas counts in each."),
        # The goals have no list of their own: their cells stay unlinked.
        cell_links=[
            ["", _activities(scope, number)]
            + [_activities(scope, number, status=value) for value, _label in statuses]
            for number, _counts in sorted(figures["areas"].items(), key=lambda i: int(i[0]) or 99)
        ],
    )


def _activities(scope, target_area, **status) -> str:
    """The activity list filtered as the count (planning.counts)."""
    return staff_list(
        "planning:activity_list",
        organisation=scope.organisation_ids,
        year=scope.year,
        part=plan_counts.PUBLIC_HEALTH,
        target_area=target_area,
        **status,
    )


def _follow_ups(section, figures):
    if not figures["follow_ups"]:
        section.say("follow_ups", _("No follow-up of the public-health plans has been recorded."))
        return
    FollowUp = apps.get_model("planning", "FollowUp")
    reached = dict(FollowUp.GoalReached.choices)
    section.table(
        _("The follow-up of the public-health plans"),
        [
            _("Activity"),
            _("Period"),
            _("Result"),
            _("Effects for the population"),
            _("Effects for children"),
            _("Goal reached"),
        ],
        [[*row[:5], reached.get(row[5], row[5] or "–")] for row in figures["follow_ups"]],
    )


def _latest(points):
    return points[-1] if points else None


def _indicators(section, data, scope):
    Indicator = apps.get_model("indicators", "Indicator")
    found = [i for i in data["list"] if data["values"].get(str(i["id"]))]
    if not found:
        section.say("indicators", _("No health indicators have been imported yet."))
        return
    names = {i.pk: i.name for i in Indicator.objects.filter(pk__in=[i["id"] for i in found])}
    county = data["county"]
    area_names = dict(
        zip(
            [code for _pk, code in data["areas"]],
            [n for _p, n in scope.organisations],
            strict=False,
        )
    )
    if county and county not in area_names:
        area_names[county] = _("County")
    area_names[NATION] = _("Sweden")
    section.say(
        "indicators",
        _(
            "The health indicators show the latest figure up to %(year)s, for women and men "
            "(girls and boys) where the source gives them, the difference between them and the "
            "change over %(span)s years."
        )
        % {"year": scope.year, "span": TREND_YEARS},
    )
    rows = []
    for indicator in found:
        unit = indicator["unit"]
        # A region among the organisations has the county's code: one row for it.
        codes = dict.fromkeys([code for _pk, code in data["areas"]] + [county, NATION])
        for code in codes:
            by_gender = data["values"][str(indicator["id"])].get(code)
            if not code or not by_gender:
                continue
            total = by_gender.get("T", [])
            latest = _latest(total)
            women, men = _latest(by_gender.get("K", [])), _latest(by_gender.get("M", []))
            gap = women[1] - men[1] if women and men and women[0] == men[0] else None
            earlier = next((v for y, v in total if latest and y == latest[0] - TREND_YEARS), None)
            change = latest[1] - earlier if latest and earlier is not None else None
            rows.append(
                [
                    names.get(indicator["id"], ""),
                    area_names.get(code, code),
                    str(latest[0]) if latest else "–",
                    _value(latest, unit),
                    _value(women, unit),
                    _value(men, unit),
                    _signed(gap, unit),
                    _signed(change, unit),
                ]
            )
    section.table(
        _("Health and equity in figures"),
        [
            _("Indicator"),
            _("Area"),
            _("Year"),
            _("Total"),
            _("Women and girls"),
            _("Men and boys"),
            _("Difference women − men"),
            _("Change over %(span)s years") % {"span": TREND_YEARS},
        ],
        rows,
    )


def _value(pair, unit) -> str:
    return format_value(pair[1], unit) if pair else "–"


def _signed(value, unit) -> str:
    if value is None:
        return "–"
    text = format_value(round(value, 1), unit)
    return text if value < 0 else f"+{text}"


PROVIDER = Provider(
    key="publichealth",
    order=110,
    requires=(
        "planning.ActionPlan",
        "planning.Activity",
        "planning.FollowUp",
        "planning.Goal",
        "indicators.Indicator",
        "indicators.IndicatorValue",
        "publichealth.TargetArea",
    ),
    collect=collect,
    render=render,
)
