"""A plan's activities as a timeline: one horizontal bar per activity over the plan's years.

Self-contained SVG like `core.charts`: inline attributes only, role="img" with a title and a
description, every label from data escaped. Status is written next to each bar and drawn with
a different fill (solid, outline, hatched), so colour never carries it alone. The same rows go
into a table beside the picture.
"""

import datetime
import uuid
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from markupsafe import Markup, escape

from core.charts import BACKGROUND, CHAR_EM, FONT, GRID, MUTED_TEXT, TEXT, label_text

from .models import Activity

WIDTH = 760
LABEL_WIDTH = 230
STATUS_WIDTH = 110
ROW = 36  # room for an activity's title on two lines
TOP = 56
LABEL_SIZE = 12
LABEL_CHARS = int((LABEL_WIDTH - 16) / (LABEL_SIZE * CHAR_EM))
COLOUR = "#1d5c8c"  # 7:1 on white
# How each status is drawn, besides its written name.
FILLS = {
    Activity.Status.PLANNED: "none",
    Activity.Status.ONGOING: COLOUR,
    Activity.Status.DONE: COLOUR,
    Activity.Status.POSTPONED: "hatch",
    Activity.Status.CANCELLED: "hatch",
}


@dataclass(frozen=True)
class Timeline:
    """The SVG, what it shows in words, and its rows (activity, start, end, status)."""

    svg: Markup
    text_alternative: str
    rows: list[tuple[str, str, str, str]]
    columns: list[str]


def activity_timeline(plan, activities, *, id_prefix: str | None = None) -> Timeline:
    """Bars for `activities` over the years of `plan`; dates outside the period are clipped."""
    activities = list(activities)
    # Each label is translated once, not once per activity (a plan has about a hundred).
    # Capitalised as every status in a table or list is ("Pågår", not "pågår").
    labels = {value: capfirst(str(label)) for value, label in Activity.Status.choices}
    title = _("Timeline of the activities, %(period)s") % {"period": plan.period_label}
    dates = {}  # activities share dates; each is formatted once

    def short(day):
        if day not in dates:
            dates[day] = date_format(day, "SHORT_DATE_FORMAT")
        return dates[day]

    rows = [
        (
            activity.title,
            short(activity.starts_on),
            short(activity.ends_on),
            labels.get(activity.status, activity.status),
        )
        for activity in activities
    ]
    columns = [_("Activity"), _("Starts"), _("Ends"), _("Status")]
    summary = _summary(title, plan, activities, labels)
    prefix = escape(id_prefix or f"timeline-{uuid.uuid4().hex[:8]}")
    first, last = plan.first_day, plan.last_day + datetime.timedelta(days=1)
    plot_left, plot_right = LABEL_WIDTH, WIDTH - STATUS_WIDTH
    span = (last - first).days

    def x_at(day: datetime.date) -> float:
        day = min(max(day, first), last)
        return plot_left + (plot_right - plot_left) * (day - first).days / span

    height = TOP + max(1, len(activities)) * ROW + 12
    body = [_axis(plan, x_at, height)]
    for index, activity in enumerate(activities):
        y = TOP + index * ROW
        body.append(
            label_text(
                LABEL_WIDTH - 8,
                y + 21,
                activity.title,
                chars=LABEL_CHARS,
                anchor="end",
                size=LABEL_SIZE,
            )
        )
        start, end = x_at(activity.starts_on), x_at(activity.ends_on + datetime.timedelta(days=1))
        body.append(_bar(start, end, y + 9, activity, f"{prefix}-hatch"))
        label = labels.get(activity.status, activity.status)
        body.append(_text(plot_right + 8, y + 21, label, fill=TEXT))
    if not activities:
        body.append(_text(WIDTH / 2, TOP + 18, _("No activities yet"), anchor="middle"))
    svg = Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}"'
        f' width="{WIDTH}" height="{height}" role="img"'
        f' aria-labelledby="{prefix}-title {prefix}-desc" font-family="{FONT}" font-size="13">'
        f'<title id="{prefix}-title">{escape(title)}</title>'
        f'<desc id="{prefix}-desc">{escape(summary)}</desc>'
        f'<defs><pattern id="{prefix}-hatch" width="6" height="6" patternUnits="userSpaceOnUse"'
        f' patternTransform="rotate(45)"><rect width="6" height="6" fill="{BACKGROUND}"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{COLOUR}" stroke-width="3"/></pattern></defs>'
        f'<rect width="{WIDTH}" height="{height}" fill="{BACKGROUND}"/>'
        + _text(2, 18, title, size=15, weight="bold")
        + "".join(body)
        + "</svg>"
    )
    return Timeline(svg, summary, rows, columns)


def _summary(title: str, plan, activities, labels) -> str:
    if not activities:
        return _("%(title)s: no activities yet.") % {"title": title}
    counts = {}
    for activity in activities:
        label = labels.get(activity.status, activity.status)
        counts[label] = counts.get(label, 0) + 1
    parts = ", ".join(f"{label} {count}" for label, count in counts.items())
    text = ngettext(
        "%(title)s: %(count)d activity (%(parts)s).",
        "%(title)s: %(count)d activities (%(parts)s).",
        len(activities),
    )
    return text % {"title": title, "count": len(activities), "parts": parts}


def _axis(plan, x_at, height: float) -> str:
    """A line and a label for each year; quarter ticks when the period is short enough."""
    parts = []
    years = range(plan.start_year, plan.end_year + 1)
    for year in years:
        x = x_at(datetime.date(year, 1, 1))
        parts.append(_line(x, TOP - 10, x, height - 8, GRID))
        middle = (x + x_at(datetime.date(year, 12, 31))) / 2
        parts.append(_text(middle, TOP - 16, str(year), anchor="middle", fill=MUTED_TEXT))
        if len(years) <= 4:
            for month in (4, 7, 10):
                xq = x_at(datetime.date(year, month, 1))
                parts.append(_line(xq, TOP - 6, xq, TOP - 2, MUTED_TEXT))
    end = x_at(plan.last_day + datetime.timedelta(days=1))
    parts.append(_line(end, TOP - 10, end, height - 8, GRID))
    return "".join(parts)


def _bar(x1: float, x2: float, y: float, activity, hatch_id: str) -> str:
    width = max(3.0, x2 - x1)
    fill = FILLS.get(activity.status, COLOUR)
    if fill == "hatch":
        fill = f"url(#{hatch_id})"
    bar = (
        f'<rect x="{x1:.1f}" y="{y:.1f}" width="{width:.1f}" height="16" fill="{fill}"'
        f' stroke="{COLOUR}" stroke-width="2"/>'
    )
    if activity.status == Activity.Status.CANCELLED:
        middle = y + 8
        bar += _line(x1, middle, x1 + width, middle, TEXT)
    return bar


def _text(x, y, content, *, anchor="start", size=13, fill=TEXT, weight="normal") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}"'
        f' font-weight="{weight}" fill="{fill}">{escape(content)}</text>'
    )


def _line(x1, y1, x2, y2, colour) -> str:
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}"'
        ' stroke-width="1"/>'
    )
