"""The youth forum: meetings held and proposals sent to committees, and their answers."""

from django.apps import apps
from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from youthforum import counts

from . import (
    Provider,
    Section,
    key_values,
    organisation_columns,
    organisation_filters,
    staff_list,
)

STATUSES = counts.PROPOSALS["proposals"]


def collect(scope) -> dict:
    ForumMeeting = apps.get_model("youthforum", "ForumMeeting")
    ForumProposal = apps.get_model("youthforum", "ForumProposal")
    meetings = dict(
        ForumMeeting.objects.filter(
            counts.meetings_in(scope.year), organisation_id__in=scope.organisation_ids
        )
        .values("organisation_id")
        .annotate(n=Count("pk"))
        .values_list("organisation_id", "n")
    )
    proposals = {}
    for org, status, n in (
        ForumProposal.objects.filter(
            counts.proposals_sent_in(scope.year), organisation_id__in=scope.organisation_ids
        )
        .values("organisation_id", "status")
        .annotate(n=Count("pk"))
        .values_list("organisation_id", "status", "n")
    ):
        proposals.setdefault(org, {})[status] = n

    def part(org_ids):
        by_status = {s: sum(proposals.get(o, {}).get(s, 0) for o in org_ids) for s in STATUSES}
        return {
            "meetings": sum(meetings.get(o, 0) for o in org_ids),
            **{
                name: sum(by_status[s] for s in statuses)
                for name, statuses in counts.PROPOSALS.items()
            },
        }

    return {
        "organisations": {str(pk): part([pk]) for pk in scope.organisation_ids},
        "total": part(scope.organisation_ids),
    }


def render(figures, scope) -> Section:
    section = Section("youthforum", _("The youth forum"))
    t = figures["total"]
    section.say(
        "meetings",
        ngettext(
            "The youth forum met %(count)s time in %(year)s.",
            "The youth forum met %(count)s times in %(year)s.",
            t["meetings"],
        )
        % {"count": t["meetings"], "year": scope.year},
    )
    section.say(
        "proposals",
        ngettext(
            "It sent %(count)s proposal to the committees; %(answered)s have been answered, "
            "%(accepted)s of them accepted in whole or in part, and %(waiting)s wait for an "
            "answer.",
            "It sent %(count)s proposals to the committees; %(answered)s have been answered, "
            "%(accepted)s of them accepted in whole or in part, and %(waiting)s wait for an "
            "answer.",
            t["proposals"],
        )
        % {
            "count": t["proposals"],
            "answered": t["answered"],
            "accepted": t["accepted"],
            "waiting": t["waiting"],
        },
    )
    rows, links = [], []
    for name, label in (
        ("meetings", _("Meetings")),
        ("proposals", _("Proposals sent")),
        ("answered", _("Proposals answered")),
        ("accepted", _("Proposals accepted in whole or in part")),
        ("waiting", _("Proposals waiting for an answer")),
    ):
        values = [figures["organisations"][str(pk)][name] for pk in scope.organisation_ids] + (
            [t[name]] if scope.is_joint else []
        )
        rows.append([label, *values])
        links.append([_link(scope, name, ids) for ids in organisation_filters(scope)])
        section.figure(name, label, key_values(scope, figures, name))
    section.table(
        _("The youth forum in %(year)s") % {"year": scope.year},
        [_("Figure"), *organisation_columns(scope)],
        rows,
        cell_links=links,
    )
    return section


def _link(scope, name, organisation_ids) -> str:
    """The meeting or proposal list filtered as the count (youthforum.counts)."""
    if name == "meetings":
        return staff_list("youthforum:meeting_list", organisation=organisation_ids, year=scope.year)
    return staff_list(
        "youthforum:proposal_list", organisation=organisation_ids, year=scope.year, counted=name
    )


PROVIDER = Provider(
    key="youthforum",
    order=25,
    requires=("youthforum.ForumMeeting", "youthforum.ForumProposal"),
    collect=collect,
    render=render,
)
