"""Decisions: the cases decided in the year and how the child's best interests were weighed."""

from collections import Counter

from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from assessments.completeness import Criteria
from core.charts import bar_chart

from . import (
    Provider,
    Section,
    count_and_share,
    key_values,
    number,
    organisation_columns,
    percent,
    share,
)

COUNTS = (
    "decided",
    "screened",
    "affecting",
    "full_assessment",
    "children_heard",
    "follows",
    "against",
    "follow_up_done",
    "follow_up_overdue",
    "follow_up_planned",
)
MAX_LISTED = 100  # decisions against the child's best interests listed with their reasons


def _flags(row, criteria_by_version, as_of) -> list[str]:
    """What one decision counts towards, each name once (`criteria_by_version`: a Criteria per
    template version, made once per report rather than once per decision). A list of names,
    which Counter.update counts fastest: thousands of decisions are counted three times."""

    affected, answers, version_id = row["affected"], row["answers"] or {}, row["version"]
    flags = ["decided"]
    if affected:
        flags.append("screened")
    if affected == "yes":
        flags.append("affecting")
        criteria = criteria_by_version.get(version_id) or Criteria([])
        if criteria.full_assessment and criteria.is_complete(answers):
            flags.append("full_assessment")
        if answers.get("children_heard") == "yes":
            flags.append("children_heard")
        flags.append("follows" if row["follows"] else "against")
    if row["follow_up_date"]:
        if row["follow_up_done_on"]:
            flags.append("follow_up_done")
        elif row["follow_up_date"] < as_of:
            flags.append("follow_up_overdue")
        else:
            flags.append("follow_up_planned")
    return flags


def year_decisions(scope) -> tuple[list[dict], dict]:
    """The decisions of the report's year with their assessments' answers, and the template
    versions' sections by id: read once per report for this section and the sustainability
    section (thousands of rows with their answers at national scale)."""
    return scope.read_once("decisions", lambda: _read_decisions(scope))


def _read_decisions(scope):
    Decision = apps.get_model("assessments", "Decision")
    TemplateVersion = apps.get_model("assessments", "TemplateVersion")
    rows = list(
        Decision.objects.filter(
            organisation_id__in=scope.organisation_ids, decided_on__year=scope.year
        )
        .order_by("decided_on", "id")
        .values(
            "organisation_id",
            "follows_best_interests",
            "reasons",
            "follow_up_date",
            "follow_up_done_on",
            "case__case_number",
            "case__body_id",
            "case__body__name",
            "case__assessment__children_affected",
            "case__assessment__answers",
            "case__assessment__template_version_id",
        )
    )
    versions = {row["case__assessment__template_version_id"] for row in rows} - {None}
    sections = dict(TemplateVersion.objects.filter(pk__in=versions).values_list("pk", "sections"))
    return rows, sections


def collect(scope) -> dict:
    rows, sections_by_version = year_decisions(scope)
    criteria_by_version = {pk: Criteria(sections) for pk, sections in sections_by_version.items()}
    organisations = {str(pk): Counter() for pk in scope.organisation_ids}
    bodies, total, against = {}, Counter(), []
    for raw in rows:
        row = {
            "affected": raw["case__assessment__children_affected"],
            "answers": raw["case__assessment__answers"],
            "version": raw["case__assessment__template_version_id"],
            "follows": raw["follows_best_interests"],
            "follow_up_date": raw["follow_up_date"],
            "follow_up_done_on": raw["follow_up_done_on"],
        }
        flags = _flags(row, criteria_by_version, scope.as_of)
        organisations[str(raw["organisation_id"])].update(flags)
        total.update(flags)
        body = bodies.setdefault(
            raw["case__body_id"],
            {"name": raw["case__body__name"], "organisation": raw["organisation_id"]},
        )
        body.setdefault("counts", Counter()).update(flags)
        if "against" in flags and len(against) < MAX_LISTED:
            against.append(
                {
                    # No title: the report is public, and a title of an individual matter
                    # can point to a child. The case number leads to the public register.
                    "case_number": raw["case__case_number"],
                    "body": raw["case__body__name"],
                    "reasons": raw["reasons"],
                }
            )
    return {
        "organisations": {pk: _plain(counts) for pk, counts in organisations.items()},
        "total": _plain(total),
        "bodies": sorted(
            (
                {"name": b["name"], "organisation": b["organisation"], **_plain(b["counts"])}
                for b in bodies.values()
            ),
            key=lambda b: (b["name"], b["organisation"]),
        ),
        "against": against,
        "against_count": total["against"],
    }


def _plain(counts: Counter) -> dict:
    return {name: counts.get(name, 0) for name in COUNTS}


def render(figures, scope) -> Section:
    section = Section("decisions", _("Decisions and the child's best interests"))
    t = figures["total"]
    year = scope.year
    if not t["decided"]:
        section.say("decided", _("No cases were decided in %(year)s.") % {"year": year})
        return section
    section.say(
        "decided",
        ngettext(
            "In %(year)s, %(count)s case was decided.",
            "In %(year)s, %(count)s cases were decided.",
            t["decided"],
        )
        % {"year": year, "count": number(t["decided"])},
    )
    section.say(
        "screened",
        _("%(share)s of them were screened for whether they affect children.")
        % {"share": percent(t["screened"], t["decided"])},
    )
    section.say(
        "affecting",
        ngettext(
            "%(count)s case affected children (%(share)s of the cases decided).",
            "%(count)s cases affected children (%(share)s of the cases decided).",
            t["affecting"],
        )
        % {"count": number(t["affecting"]), "share": percent(t["affecting"], t["decided"])},
    )
    if t["affecting"]:
        section.say(
            "full_assessment",
            _(
                "Of the cases that affected children, %(full)s had a complete assessment of the "
                "child's best interests, and in %(heard)s the children's own views were obtained."
            )
            % {
                "full": percent(t["full_assessment"], t["affecting"]),
                "heard": percent(t["children_heard"], t["affecting"]),
            },
        )
        section.say(
            "follows",
            _(
                "Of those, %(share)s were decided in line with the assessed best interests of "
                "the child."
            )
            % {"share": percent(t["follows"], t["affecting"])},
        )
    section.say(
        "follow_ups",
        _(
            "Follow-ups of the decisions: %(done)s done, %(overdue)s overdue and %(planned)s "
            "planned."
        )
        % {
            "done": number(t["follow_up_done"]),
            "overdue": number(t["follow_up_overdue"]),
            "planned": number(t["follow_up_planned"]),
        },
    )
    _figures_table(section, figures, scope)
    bases = _(
        "Screened and affecting children: share of the cases decided. Complete assessment, "
        "children's views and in line with the best interests: share of the cases that "
        "affected children."
    )
    chart = bar_chart(
        _("Decisions %(year)s, share in per cent") % {"year": year},
        [
            (_("Screened"), share(t["screened"], t["decided"])),
            (_("Affecting children"), share(t["affecting"], t["decided"])),
            (_("Complete assessment"), _s(t, "full_assessment")),
            (_("Children's views"), _s(t, "children_heard")),
            (_("In line with best interests"), _s(t, "follows")),
        ],
        unit="%",
        max_value=100,
        description=bases,
        id_prefix="report-decisions",
    )
    section.chart(chart, unit="%", max_value=100, note=bases)
    _bodies_table(section, figures, scope)
    _against_table(section, figures)
    return section


def _s(t, name):
    return share(t[name], t["affecting"])


LABELS = {
    "decided": lambda: _("Cases decided"),
    "screened": lambda: _("Screened for whether children are affected"),
    "affecting": lambda: _("Affecting children"),
    "full_assessment": lambda: _("With a complete assessment of the best interests"),
    "children_heard": lambda: _("Children's own views obtained"),
    "follows": lambda: _("Decided in line with the assessed best interests"),
    "against": lambda: _("Decided against the assessed best interests"),
    "follow_up_done": lambda: _("Follow-ups done"),
    "follow_up_overdue": lambda: _("Follow-ups overdue"),
    "follow_up_planned": lambda: _("Follow-ups planned"),
}
# The denominator of each share: the cases decided, or those that affected children.
BASE = {
    "screened": "decided",
    "affecting": "decided",
    "full_assessment": "affecting",
    "children_heard": "affecting",
    "follows": "affecting",
    "against": "affecting",
}


# The case list's filters (assessments.filters.CaseFilter) that list what a count counted.
CASE_LIST_FILTERS = {
    "decided": "status=decided",
    "affecting": "status=decided&children_affected=yes",
}


def _figures_table(section, figures, scope):
    parts = [figures["organisations"].get(str(pk), {}) for pk in scope.organisation_ids]
    if scope.is_joint:
        parts.append(figures["total"])
    rows, links = [], []
    listed = reverse("assessments:case_list")
    for name in COUNTS:
        label = LABELS[name]()
        query = CASE_LIST_FILTERS.get(name)
        links.append(f"{listed}?year={scope.year}&{query}" if query else "")
        base = BASE.get(name)
        rows.append(
            [label]
            + [
                count_and_share(part.get(name, 0), part.get(base, 0)) if base else part.get(name, 0)
                for part in parts
            ]
        )
        section.figure(name, label, key_values(scope, figures, name))
    section.table(
        _("Decisions in %(year)s: number (share)") % {"year": scope.year},
        [_("Figure"), *organisation_columns(scope)],
        rows,
        note=_(
            "Shares of screening and of cases affecting children are of the cases decided; the "
            "other shares are of the cases that affected children."
        ),
        row_links=links,
    )


def _bodies_table(section, figures, scope):
    names = dict(scope.organisations)
    rows = [
        [
            body["name"],
            names.get(body["organisation"], ""),
            body["decided"],
            body["screened"],
            body["affecting"],
            body["full_assessment"],
            body["children_heard"],
            body["follows"],
        ]
        for body in figures["bodies"]
    ]
    columns = [
        _("Body"),
        _("Organisation"),
        _("Decided"),
        _("Screened"),
        _("Affecting children"),
        _("Complete assessment"),
        _("Children's views"),
        _("In line with best interests"),
    ]
    section.table(_("Decisions by body"), columns, rows)


def _against_table(section, figures):
    if not figures["against"]:
        return
    rows = [[item["case_number"], item["body"], item["reasons"]] for item in figures["against"]]
    note = ""
    if figures["against_count"] > len(rows):
        note = _("The first %(shown)s of %(count)s are listed.") % {
            "shown": len(rows),
            "count": figures["against_count"],
        }
    section.table(
        _("Decisions against the assessed best interests, and the reasons given"),
        [_("Case"), _("Body"), _("Reasons")],
        rows,
        note=note,
    )


PROVIDER = Provider(
    key="decisions",
    order=10,
    requires=("assessments.Decision", "assessments.TemplateVersion"),
    collect=collect,
    render=render,
)
