"""Decisions: the cases decided in the year and how the child's best interests were weighed."""

from collections import Counter

from django.apps import apps
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from assessments import counts
from assessments.counts import COUNTS
from core.charts import bar_chart

from . import (
    Provider,
    Section,
    count_and_share,
    key_values,
    number,
    organisation_columns,
    organisation_filters,
    percent,
    share,
    staff_list,
)

MAX_LISTED = 100  # decisions against the child's best interests listed with their reasons
CASE_LIST = "assessments:case_list"


# What the decisions are grouped by; the sustainability section reads the same rows.
GROUP = ("organisation_id", "case__body_id", "case__body__name")


def year_decisions(scope):
    """The year's decisions, and their answers (`counts.answer_rows`) read once per report for
    this section and the sustainability section: thousands of rows with their answers at
    national scale."""
    Decision = apps.get_model("assessments", "Decision")
    decisions = Decision.objects.filter(counts.decided_in(scope.year, scope.organisation_ids))
    return decisions, scope.read_once("decisions", lambda: counts.answer_rows(decisions, *GROUP))


def collect(scope) -> dict:
    # The counts are assessments.counts's, which the case list's filter uses too (issue 22).
    decisions, read = year_decisions(scope)
    groups = counts.tally(decisions, scope.as_of, GROUP, read=read)
    organisations = {str(pk): Counter() for pk in scope.organisation_ids}
    bodies, total = [], Counter()
    for (organisation_id, body_id, body_name), found in groups.items():
        organisations[str(organisation_id)].update(found)
        total.update(found)
        bodies.append(
            {"id": body_id, "name": body_name, "organisation": organisation_id, **_plain(found)}
        )
    against = (
        counts.counted(decisions, "against", scope.as_of)
        .order_by("decided_on", "id")
        .values_list("case__case_number", "case__body__name", "reasons")[:MAX_LISTED]
    )
    return {
        "organisations": {pk: _plain(found) for pk, found in organisations.items()},
        "total": _plain(total),
        "bodies": sorted(bodies, key=lambda b: (b["name"], b["organisation"])),
        # No title: the report is public, and a title of an individual matter can point to a
        # child. The case number leads to the public register.
        "against": [
            {"case_number": number_, "body": body, "reasons": reasons}
            for number_, body, reasons in against
        ],
        "against_count": total["against"],
    }


def _plain(found: Counter) -> dict:
    return {name: found.get(name, 0) for name in COUNTS}


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


def _count_link(scope, name, organisation_ids, **more) -> str:
    """The case list filtered to the decisions a count counted (assessments.counts)."""
    return staff_list(
        CASE_LIST,
        organisation=organisation_ids,
        decided_year=scope.year,
        counted=name,
        **more,
    )


def _figures_table(section, figures, scope):
    parts = [figures["organisations"].get(str(pk), {}) for pk in scope.organisation_ids]
    if scope.is_joint:
        parts.append(figures["total"])
    columns = organisation_filters(scope)
    rows, links = [], []
    for name in COUNTS:
        label = LABELS[name]()
        links.append([_count_link(scope, name, ids) for ids in columns])
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
        cell_links=links,
    )


BODY_COUNTS = (
    "decided",
    "screened",
    "affecting",
    "full_assessment",
    "children_heard",
    "follows",
)


def _bodies_table(section, figures, scope):
    names = dict(scope.organisations)
    rows, links = [], []
    for body in figures["bodies"]:
        rows.append(
            [body["name"], names.get(body["organisation"], "")]
            + [body[name] for name in BODY_COUNTS]
        )
        # A version published before the links has no body id: its counts stay plain.
        body_id = body.get("id")
        links.append(
            [""]
            + [
                _count_link(scope, name, [body["organisation"]], body=body_id) if body_id else ""
                for name in BODY_COUNTS
            ]
        )
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
    section.table(_("Decisions by body"), columns, rows, cell_links=links)


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
