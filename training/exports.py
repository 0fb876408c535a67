"""Trainings and coverage as rows in words, written as CSV or XLSX by planning's writers (every
text cell goes through `safe_cell`)."""

from django.utils.text import capfirst
from django.utils.translation import gettext as _


def session_table(sessions) -> tuple[list[str], list[list]]:
    """`sessions` come with their body counts prefetched."""
    columns = [
        _("Date"),
        _("Topic"),
        _("Format"),
        _("Target group"),
        _("Organisation"),
        _("Bodies"),
        _("Number of participants"),
    ]
    rows = [
        [
            session.held_on,
            session.topic,
            capfirst(session.get_format_display()),
            capfirst(session.get_target_group_display()),
            session.organisation.name,
            "; ".join(f"{row.body.name} ({row.participants})" for row in session.body_counts.all()),
            session.participants,
        ]
        for session in sessions
    ]
    return columns, rows


def coverage_table(rows) -> tuple[list[str], list[list]]:
    columns = [
        _("Body"),
        _("Target group"),
        _("Headcount"),
        _("Participants"),
        _("Coverage (%)"),
        _("Target (%)"),
    ]
    return columns, [
        [
            row.body,
            capfirst(row.group_label),
            row.headcount if row.headcount is not None else "",
            row.trained,
            round(row.share, 1) if row.share is not None else "",
            row.target if row.target is not None else "",
        ]
        for row in rows
    ]
