"""Training and awareness: sessions in the year by target group, and coverage per body against
the organisation's target."""

from django.apps import apps
from django.db.models import Count, Sum
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from training import counts

from . import (
    Provider,
    Section,
    key_values,
    number,
    organisation_columns,
    organisation_filters,
    percent,
    share,
    staff_list,
)


def collect(scope) -> dict:
    TrainingSession = apps.get_model("training", "TrainingSession")
    SessionBody = apps.get_model("training", "SessionBody")
    Headcount = apps.get_model("training", "Headcount")
    CoverageTarget = apps.get_model("training", "CoverageTarget")
    ids = scope.organisation_ids
    sessions = {
        (org, group): n
        for org, group, n in TrainingSession.objects.filter(
            counts.held_in(scope.year), organisation_id__in=ids
        )
        .values("organisation_id", "target_group")
        .annotate(n=Count("pk"))
        .values_list("organisation_id", "target_group", "n")
    }
    trained = dict(
        SessionBody.objects.filter(counts.held_in(scope.year, "session__"), organisation_id__in=ids)
        .values("organisation_id")
        .annotate(n=Sum("participants"))
        .values_list("organisation_id", "n")
    )
    headcount = dict(
        Headcount.objects.filter(organisation_id__in=ids, year=scope.year)
        .values("organisation_id")
        .annotate(n=Sum("count"))
        .values_list("organisation_id", "n")
    )
    targets = dict(
        CoverageTarget.objects.filter(organisation_id__in=ids, year=scope.year).values_list(
            "organisation_id", "percent"
        )
    )

    def part(org_ids):
        people = sum(headcount.get(o) or 0 for o in org_ids)
        came = sum(trained.get(o) or 0 for o in org_ids)
        return {
            "sessions": sum(n for (o, _g), n in sessions.items() if o in org_ids),
            "elected": sum(n for (o, g), n in sessions.items() if o in org_ids and g == "elected"),
            "participants": came,
            "headcount": people,
            "coverage": min(100.0, share(came, people)) if people else None,
        }

    figures = {str(pk): part([pk]) | {"target": targets.get(pk)} for pk in ids}
    return {"organisations": figures, "total": part(ids), "bodies": _by_body(scope)}


def _by_body(scope) -> list:
    """Coverage per body: participants in the year over the body's headcount, every body with
    either. A list of plain rows, ordered by organisation and body name."""
    SessionBody = apps.get_model("training", "SessionBody")
    Headcount = apps.get_model("training", "Headcount")
    ids = scope.organisation_ids
    rows: dict = {}
    for org, body, name, n in (
        SessionBody.objects.filter(counts.held_in(scope.year, "session__"), organisation_id__in=ids)
        .values("organisation_id", "body_id", "body__name")
        .annotate(n=Sum("participants"))
        .values_list("organisation_id", "body_id", "body__name", "n")
    ):
        rows[body] = {"organisation": org, "body": name, "participants": n, "headcount": 0}
    for org, body, name, n in (
        Headcount.objects.filter(organisation_id__in=ids, year=scope.year)
        .values("organisation_id", "body_id", "body__name")
        .annotate(n=Sum("count"))
        .values_list("organisation_id", "body_id", "body__name", "n")
    ):
        row = rows.setdefault(
            body, {"organisation": org, "body": name, "participants": 0, "headcount": 0}
        )
        row["headcount"] = n
    for row in rows.values():
        people = row["headcount"]
        row["coverage"] = min(100.0, share(row["participants"], people)) if people else None
    order = {pk: index for index, pk in enumerate(ids)}
    return sorted(rows.values(), key=lambda row: (order[row["organisation"]], row["body"]))


def render(figures, scope) -> Section:
    section = Section("training", _("Training and awareness"))
    t = figures["total"]
    section.say(
        "sessions",
        ngettext(
            "In %(year)s, %(count)s training session on the rights of the child was held, "
            "%(elected)s of them for elected members.",
            "In %(year)s, %(count)s training sessions on the rights of the child were held, "
            "%(elected)s of them for elected members.",
            t["sessions"],
        )
        % {"year": scope.year, "count": t["sessions"], "elected": t["elected"]},
    )
    if t["headcount"]:
        section.say(
            "coverage",
            _(
                "%(participants)s participants came from bodies with %(headcount)s people: a "
                "coverage of %(share)s."
            )
            % {
                "participants": number(t["participants"]),
                "headcount": number(t["headcount"]),
                "share": percent(min(t["participants"], t["headcount"]), t["headcount"]),
            },
        )
    rows, links = [], []
    # Only the sessions are records a list shows; participants and headcounts are sums.
    sessions = [
        staff_list("training:session_list", organisation=ids, year=scope.year)
        for ids in organisation_filters(scope)
    ]
    for name, label in (
        ("sessions", _("Training sessions")),
        ("participants", _("Participants")),
        ("headcount", _("People in the bodies (headcount)")),
        ("coverage", _("Coverage (%)")),
    ):
        values = [figures["organisations"][str(pk)][name] for pk in scope.organisation_ids]
        rows.append([label, *values, *([t[name]] if scope.is_joint else [])])
        links.append(sessions if name == "sessions" else [])
        section.figure(name, label, key_values(scope, figures, name))
    targets = [figures["organisations"][str(pk)]["target"] for pk in scope.organisation_ids]
    rows.append([_("Target (%)"), *targets, *([None] if scope.is_joint else [])])
    section.table(
        _("Training in %(year)s") % {"year": scope.year},
        [_("Figure"), *organisation_columns(scope)],
        rows,
        cell_links=links,
    )
    _body_table(section, figures, scope)
    return section


def _body_table(section, figures, scope) -> None:
    bodies = figures.get("bodies") or []
    if not bodies:
        return
    names = dict(scope.organisations)
    columns = [_("Body"), _("Participants"), _("Headcount"), _("Coverage (%)")]
    if scope.is_joint:
        columns.insert(1, _("Organisation"))
    rows = []
    for row in bodies:
        cells = [row["body"], row["participants"], row["headcount"], row["coverage"]]
        if scope.is_joint:
            cells.insert(1, names.get(row["organisation"], ""))
        rows.append(cells)
    section.table(_("Training coverage per body in %(year)s") % {"year": scope.year}, columns, rows)


PROVIDER = Provider(
    key="training",
    order=40,
    requires=("training.TrainingSession", "training.Headcount", "training.CoverageTarget"),
    collect=collect,
    render=render,
)
