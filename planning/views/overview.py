"""The plan overview's goals written in Python rather than the template language.

A plan has about twenty goals and a hundred activities; the template engine spent most of the
overview's time on them (one translation, lookup and escape at a time). Decision 0008 does the
same for form widgets. Every value from the records is escaped here; the texts are translated
once per page.
"""

import html
from dataclasses import dataclass

from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _


def escape(value) -> str:
    """The standard library's escape (what Django's calls) without Django's lazy-text check:
    the overview escapes about a thousand values per page."""
    return html.escape(str(value))


def _address(name: str) -> tuple[str, str]:
    """A URL pattern with one id as (before the id, after it): reversed once per page, and
    filled in as text for each of a hundred rows."""
    before, after = reverse(name, args=[0]).split("/0/", 1)
    return f"{before}/", f"/{after}"


@dataclass(frozen=True)
class Texts:
    """What every goal block repeats, translated and escaped once."""

    goal: str
    success_factors: str
    articles: str
    target_areas: str
    indicators: str
    no_activities: str
    header: str
    # (before the id, after it) of the activity page and the goal's links (see `_address`).
    activity_url: tuple[str, str]
    goal_edit_url: tuple[str, str]
    goal_delete_url: tuple[str, str]
    activity_create_url: tuple[str, str]
    area_edit_url: tuple[str, str]
    goal_create_url: tuple[str, str]
    area_delete_url: tuple[str, str]
    no_goals: str
    progress_header: str

    @classmethod
    def translated(cls) -> "Texts":
        columns = (_("Activity"), _("Responsible"), _("Period"), _("Status"), _("Follow-ups"))
        return cls(
            goal=escape(_("Goal:")),
            success_factors=escape(_("Success factors:")),
            articles=escape(_("Articles:")),
            target_areas=escape(_("Public-health target areas:")),
            indicators=escape(_("Indicators:")),
            no_activities=escape(_("No activities yet.")),
            header="<thead><tr>"
            + "".join(f'<th scope="col">{escape(column)}</th>' for column in columns)
            + "</tr></thead>",
            activity_url=_address("planning:activity_detail"),
            goal_edit_url=_address("planning:goal_edit"),
            goal_delete_url=_address("planning:goal_delete"),
            activity_create_url=_address("planning:activity_create"),
            area_edit_url=_address("planning:area_edit"),
            goal_create_url=_address("planning:goal_create"),
            area_delete_url=_address("planning:area_delete"),
            no_goals=escape(_("No goals yet.")),
            progress_header="<thead><tr>"
            + "".join(
                f'<th scope="col">{escape(column)}</th>'
                for column in (_("Status"), _("Activities"))
            )
            + "</tr></thead>",
        )


def goal_html(goal, texts: Texts, labels: dict, links: str):
    """One goal: its title, what it serves, its links and its activities as a table."""
    parts = [
        f'<div class="plan-goal" id="goal-{goal.pk}">',
        f"<h4>{texts.goal} {escape(goal.title)}</h4>",
    ]
    if factors := goal.success_factor_labels:
        parts.append(f'<p class="meta">{texts.success_factors} {escape(", ".join(factors))}</p>')
    if goal.article_numbers:
        parts.append(f'<p class="meta">{texts.articles} {escape(goal.article_numbers)}</p>')
    if goal.target_area_numbers:
        numbers = escape(goal.target_area_numbers)
        parts.append(f'<p class="meta">{texts.target_areas} {numbers}</p>')
    if goal.indicator_codes:
        codes = ", ".join(goal.indicator_codes)
        parts.append(f'<p class="meta">{texts.indicators} {escape(codes)}</p>')
    if links:
        parts.append(f"<p>{links}</p>")
    if goal.plan_activities:
        caption = _("Activities for the goal %(title)s") % {"title": goal.title}
        parts.append(
            f'<table class="table table--compact"><caption>{escape(caption)}</caption>'
            f"{texts.header}<tbody>{activity_rows(goal.plan_activities, labels, texts)}"
            "</tbody></table>"
        )
    else:
        parts.append(f"<p>{texts.no_activities}</p>")
    parts.append("</div>")
    return mark_safe("".join(parts))


def activity_rows(activities, labels: dict, texts: Texts) -> str:
    before, after = texts.activity_url
    return "".join(
        f'<tr><th scope="row"><a href="{before}{activity.pk}{after}">'
        f"{escape(activity.title)}</a></th>"
        f"<td>{escape(activity.responsible_body or '–')}</td>"
        f"<td>{activity.starts_on.isoformat()} – {activity.ends_on.isoformat()}</td>"
        f"<td>{escape(labels.get(activity.status, activity.status))}</td>"
        f"<td>{int(activity.follow_up_count)}</td></tr>"
        for activity in activities
    )


def goal_links(goal, texts: Texts, can_change: bool, can_delete: bool) -> str:
    """A goal's edit, add and delete links."""
    if not can_change:
        return ""
    title = {"title": goal.title}
    links = [
        (texts.goal_edit_url, _("Edit the goal %(title)s") % title),
        (texts.activity_create_url, _("Add an activity to %(title)s") % title),
    ]
    if can_delete:
        links.append((texts.goal_delete_url, _("Delete the goal %(title)s") % title))
    return _link_line(goal.pk, links)


def _link_line(pk: int, links) -> str:
    """Links to one row's pages, separated by middle dots: (url before and after the pk, text)."""
    return " · ".join(
        f'<a href="{escape(before)}{pk}{escape(after)}">{escape(text)}</a>'
        for (before, after), text in links
    )


def area_html(area, texts: Texts, can_change: bool, can_delete: bool):
    """One priority area: its title and description, its links, its goals (`goal.html`) and its
    progress chart with the chart's data as a table."""
    pk, title = area.pk, escape(area.title)
    parts = [
        f'<section class="plan-area" id="area-{pk}" aria-labelledby="area-{pk}-heading">',
        f'<h3 id="area-{pk}-heading">{title}</h3>',
    ]
    if area.description:
        parts.append(f"<p>{linebreaksbr(area.description, autoescape=True)}</p>")
    if can_change:
        parts.append(f"<p>{_area_links(area, texts, can_delete)}</p>")
    parts.extend(goal.html for goal in area.plan_goals)
    if not area.plan_goals:
        parts.append(f"<p>{texts.no_goals}</p>")
    progress = area.progress
    named = {"title": area.title}
    caption = _("Activities by status in %(title)s as a table") % named
    rows = "".join(
        f'<tr><th scope="row">{escape(capfirst(label))}</th><td>{count}</td></tr>'
        for label, count in progress.rows
    )
    parts.append(
        f"<h4>{escape(_('Progress: %(title)s') % named)}</h4>"
        f'<figure class="chart">{progress.svg}'
        f"<figcaption>{escape(progress.text_alternative)}</figcaption></figure>"
        f'<table class="table table--compact"><caption>{escape(caption)}</caption>'
        f"{texts.progress_header}<tbody>{rows}</tbody></table></section>"
    )
    return mark_safe("".join(parts))


def _area_links(area, texts: Texts, can_delete: bool) -> str:
    title = {"title": area.title}
    links = [
        (texts.area_edit_url, _("Edit the priority area %(title)s") % title),
        (texts.goal_create_url, _("Add a goal to %(title)s") % title),
    ]
    if can_delete:
        links.append((texts.area_delete_url, _("Delete the priority area %(title)s") % title))
    return _link_line(area.pk, links)
