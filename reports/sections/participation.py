"""Children's participation: consultations held, who answered and how, feedback given and owed.

Breakdowns of children by age band and by channel go through `participation.privacy`: a group
of fewer than five is not shown, here nor in the open data."""

from django.apps import apps
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.charts import bar_chart
from participation import counts
from participation.models.consultations import AgeBand, Channel
from participation.privacy import MIN_GROUP_SIZE, suppress_small_groups

from . import (
    Provider,
    Section,
    key_values,
    number,
    organisation_columns,
    organisation_filters,
    staff_list,
)

CONSULTATION_LIST = "participation:consultation_list"


def _consultations(scope):
    Consultation = apps.get_model("participation", "Consultation")
    return Consultation.objects.filter(organisation_id__in=scope.organisation_ids).filter(
        counts.held_in(scope.year)
    )


def _feedback(scope) -> dict:
    """(given, owed) per organisation: consultations whose linked case is decided, with and
    without published feedback, as on the start page (participation.waiting.feedback_share)."""
    Consultation = apps.get_model("participation", "Consultation")
    rows = (
        counts.with_decided_cases(
            Consultation.objects.filter(organisation_id__in=scope.organisation_ids)
        )
        .values("organisation_id")
        .annotate(total=Count("pk"), given=Count("pk", filter=Q(has_feedback=True)))
    )
    return {row["organisation_id"]: (row["given"], row["total"] - row["given"]) for row in rows}


def collect(scope) -> dict:

    Response = apps.get_model("participation", "Response")
    OfflineVoice = apps.get_model("participation", "OfflineVoice")
    consultations = dict(
        _consultations(scope)
        .values("organisation_id")
        .annotate(n=Count("pk"))
        .values_list("organisation_id", "n")
    )
    ages, channels = {}, {}
    for org, band, n in (
        Response.objects.filter(
            organisation_id__in=scope.organisation_ids,
            submitted_on__year=scope.year,
            suspected_flood=False,  # held until a person lets them through
        )
        .values("organisation_id", "age_band")
        .annotate(n=Count("pk"))
        .values_list("organisation_id", "age_band", "n")
    ):
        ages.setdefault(org, {})[band] = n
        channels.setdefault(org, {})[Channel.ONLINE.value] = (
            channels.get(org, {}).get(Channel.ONLINE.value, 0) + n
        )
    for org, channel, n in (
        OfflineVoice.objects.filter(
            organisation_id__in=scope.organisation_ids, held_on__year=scope.year
        )
        .values("organisation_id", "channel")
        .annotate(n=Sum("children_count"))
        .values_list("organisation_id", "channel", "n")
    ):
        channels.setdefault(org, {})[channel] = channels.get(org, {}).get(channel, 0) + (n or 0)
    feedback = _feedback(scope)

    def part(org_ids):
        age_counts = {band: sum(ages.get(o, {}).get(band, 0) for o in org_ids) for band in AgeBand}
        channel_counts = {
            ch: sum(channels.get(o, {}).get(ch, 0) for o in org_ids) for ch in Channel
        }
        responses = sum(age_counts.values())
        voices = sum(channel_counts.values())
        age_counts = {k: v for k, v in age_counts.items() if v}
        channel_counts = {k: v for k, v in channel_counts.items() if v}
        return {
            "consultations": sum(consultations.get(o, 0) for o in org_ids),
            "responses": responses,
            "voices": voices,
            "by_age": suppress_small_groups(age_counts),
            "by_channel": suppress_small_groups(channel_counts),
            "feedback_given": sum(feedback.get(o, (0, 0))[0] for o in org_ids),
            "feedback_owed": sum(feedback.get(o, (0, 0))[1] for o in org_ids),
        }

    return {
        "organisations": {str(pk): part([pk]) for pk in scope.organisation_ids},
        "total": part(scope.organisation_ids),
    }


def render(figures, scope) -> Section:

    section = Section("participation", _("Children's participation"))
    t = figures["total"]
    section.say(
        "consultations",
        ngettext(
            "In %(year)s, %(count)s consultation with children was held.",
            "In %(year)s, %(count)s consultations with children were held.",
            t["consultations"],
        )
        % {"year": scope.year, "count": number(t["consultations"])},
    )
    section.say(
        "voices",
        ngettext(
            "Children gave their views %(voices)s time: %(responses)s answers online and the "
            "rest at meetings, in school classes and in focus groups.",
            "Children gave their views %(voices)s times: %(responses)s answers online and the "
            "rest at meetings, in school classes and in focus groups.",
            t["voices"],
        )
        % {"voices": number(t["voices"]), "responses": number(t["responses"])},
    )
    # Two sentences, each with its own plural: "1 är fortfarande skyldiga" was wrong.
    given = ngettext(
        "Of the consultations whose case has been decided, %(given)s has told the children "
        "what happened.",
        "Of the consultations whose case has been decided, %(given)s have told the children "
        "what happened.",
        t["feedback_given"],
    ) % {"given": number(t["feedback_given"])}
    owed = ngettext(
        "%(owed)s still owes them an answer.",
        "%(owed)s still owe them an answer.",
        t["feedback_owed"],
    ) % {"owed": number(t["feedback_owed"])}
    section.say("feedback", f"{given} {owed}")
    rows, links = [], []
    for name, label in (
        ("consultations", _("Consultations")),
        ("responses", _("Answers online")),
        ("voices", _("Views in all, online and at meetings")),
        ("feedback_given", _("Feedback given")),
        ("feedback_owed", _("Feedback still owed")),
    ):
        values = [figures["organisations"][str(pk)][name] for pk in scope.organisation_ids] + (
            [t[name]] if scope.is_joint else []
        )
        rows.append([label, *values])
        links.append([_link(scope, name, ids) for ids in organisation_filters(scope)])
        section.figure(name, label, key_values(scope, figures, name))
    section.table(
        _("Participation in %(year)s") % {"year": scope.year},
        [_("Figure"), *organisation_columns(scope)],
        rows,
        cell_links=links,
    )
    note = _("Groups with fewer than %(min_size)s children are not shown.") % {
        "min_size": MIN_GROUP_SIZE
    }
    ages = dict(AgeBand.choices)
    if t["by_age"]:
        chart = bar_chart(
            _("Answers online by age"),
            [(ages.get(band, band), n) for band, n in t["by_age"].items()],
            id_prefix="report-ages",
        )
        section.chart(chart, note=note)
    channels = dict(Channel.choices)
    if t["by_channel"]:
        chart = bar_chart(
            _("Children's views by channel"),
            [(str(channels.get(ch, ch)).capitalize(), n) for ch, n in t["by_channel"].items()],
            id_prefix="report-channels",
        )
        section.chart(chart, note=note)
    return section


def _link(scope, name, organisation_ids) -> str:
    """The consultation list filtered as the count (participation.counts). Answers and views
    are children's, not records a list shows: they stay unlinked."""
    if name == "consultations":
        return staff_list(CONSULTATION_LIST, organisation=organisation_ids, held_year=scope.year)
    if name in ("feedback_given", "feedback_owed"):
        state = name.removeprefix("feedback_")
        return staff_list(CONSULTATION_LIST, organisation=organisation_ids, feedback=state)
    return ""


PROVIDER = Provider(
    key="participation",
    order=20,
    requires=(
        "participation.Consultation",
        "participation.Response",
        "participation.OfflineVoice",
        "participation.Feedback",
    ),
    collect=collect,
    render=render,
)
