"""A radar (spider) chart drawn on the server as self-contained SVG, in the style of
`core.charts`: the same colours, dashes and markers per series, a text alternative and the data
as rows for a table beside it. Used for ratings on a fixed scale, such as the self-assessment of
the seven success factors (0–4).

A missing value (None) draws no point on that axis; the series' outline skips it.
"""

import math
from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .charts import (
    GRID,
    MUTED_TEXT,
    SERIES_STYLES,
    WIDTH,
    Chart,
    Value,
    _marker,
    _svg,
    _text,
    format_value,
    label_text,
    wrap_label,
)

# The radius leaves room beside the side spokes for LABEL_LINE_CHARS at 12 px inside WIDTH.
RADIUS = 140
LABEL_LINE_CHARS = 20
LABEL_LINES = 3


def radar_chart(
    title: str,
    axes: Sequence[str],
    series: dict[str, Sequence[Value]],
    *,
    max_value: int = 4,
    description: str | None = None,
    id_prefix: str | None = None,
    missing: dict[str, str] | None = None,
) -> Chart:
    """One spoke per axis, rings at every whole step up to `max_value`, one outline per series
    (up to five, told apart by dash and marker as well as colour).

    `missing` says, per series name, why its missing values are missing (a peer review rates
    only its focus factors: the others were not reviewed, which is not "without a figure")."""
    axes = [str(axis) for axis in axes]
    if len(axes) < 3:
        raise ValueError("radar_chart needs at least three axes")
    if len(series) > len(SERIES_STYLES):
        raise ValueError(f"radar_chart tells at most {len(SERIES_STYLES)} series apart")
    for values in series.values():
        if len(values) != len(axes):
            raise ValueError("every series needs one value per axis")
        if any(v is not None and not 0 <= v <= max_value for v in values):
            raise ValueError(f"radar_chart draws values from 0 to {max_value}")
    rows = [(axis, *(values[i] for values in series.values())) for i, axis in enumerate(axes)]
    summary = radar_summary(title, axes, series, missing)
    cx, cy = WIDTH / 2, 36 + 60 + RADIUS

    def point(index: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / len(axes)
        distance = RADIUS * value / max_value
        return cx + distance * math.cos(angle), cy + distance * math.sin(angle)

    body = []
    for ring in range(1, max_value + 1):
        outline = " L".join(
            f"{x:.1f} {y:.1f}" for x, y in (point(i, ring) for i in range(len(axes)))
        )
        body.append(f'<path d="M{outline} Z" fill="none" stroke="{GRID}" stroke-width="1"/>')
        x, y = point(0, ring)
        body.append(_text(x + 4, y + 4, format_value(ring), size=11, fill=MUTED_TEXT))
    for index, axis in enumerate(axes):
        x, y = point(index, max_value)
        body.append(
            f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="{GRID}"'
            ' stroke-width="1"/>'
        )
        body.append(_axis_label(index, len(axes), x, y, axis))
    for n, values in enumerate(series.values()):
        colour, dash, marker = SERIES_STYLES[n]
        known = [point(i, v) for i, v in enumerate(values) if v is not None]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        if len(known) >= 2:
            outline = " L".join(f"{x:.1f} {y:.1f}" for x, y in known)
            body.append(
                f'<path d="M{outline} Z" fill="{colour}" fill-opacity="0.08" stroke="{colour}"'
                f' stroke-width="2.5"{dash_attr}/>'
            )
        body += [_marker(marker, x, y, colour) for x, y in known]
    legend_y = cy + RADIUS + 64
    for n, name in enumerate(series):
        colour, dash, marker = SERIES_STYLES[n]
        y = legend_y + 22 * n
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        body.append(
            f'<path d="M64 {y} L100 {y}" fill="none" stroke="{colour}" stroke-width="2.5"'
            f"{dash_attr}/>"
        )
        body.append(_marker(marker, 82, y, colour))
        body.append(label_text(110, y + 5, name, chars=60, max_lines=1))
    height = legend_y + 22 * max(len(series), 1)
    return Chart(
        _svg(title, description or summary, id_prefix, height, body), summary, rows, list(series)
    )


def _axis_label(index: int, count: int, x: float, y: float, label: str) -> str:
    """The axis name beyond the spoke's end, wrapped between words, anchored away from the
    centre; a shortened name keeps its full text as the element's title."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    dx, dy = math.cos(angle), math.sin(angle)
    anchor = "middle" if abs(dx) < 0.3 else ("start" if dx > 0 else "end")
    lines, _shortened = wrap_label(label, LABEL_LINE_CHARS, LABEL_LINES)
    x += 10 * dx
    # Above the centre the lines grow upwards, below it downwards, beside it around the spoke.
    y += 12 * dy + (4 if dy >= 0 else -14 * (len(lines) - 1) - 2)
    y += 14 * (len(lines) - 1) / 2  # label_text centres its lines on y
    return label_text(
        x, y, label, chars=LABEL_LINE_CHARS, max_lines=LABEL_LINES, anchor=anchor, size=12
    )


def radar_summary(
    title: str,
    axes: Sequence[str],
    series: dict[str, Sequence[Value]],
    missing: dict[str, str] | None = None,
) -> str:
    """Per series: the mean (and over how many axes), the highest and lowest axes, and how many
    have no value and why, when the caller knows why."""
    missing = missing or {}
    parts = [title if title.rstrip()[-1:] in (".", "?", "!") else f"{title}."]
    for name, values in series.items():
        known = [(axis, v) for axis, v in zip(axes, values, strict=True) if v is not None]
        if not known:
            parts.append(_("%(name)s: no figures.") % {"name": name})
            continue
        high = max(v for _axis, v in known)
        low = min(v for _axis, v in known)
        mean = sum(v for _axis, v in known) / len(known)
        parts.append(
            ngettext(
                "%(name)s: mean of %(count)s value %(mean)s; highest %(high)s (%(high_axes)s); "
                "lowest %(low)s (%(low_axes)s).",
                "%(name)s: mean of %(count)s values %(mean)s; highest %(high)s (%(high_axes)s); "
                "lowest %(low)s (%(low_axes)s).",
                len(known),
            )
            % {
                "name": name,
                "count": len(known),
                "mean": format_value(mean),
                "high": format_value(high),
                "high_axes": ", ".join(axis for axis, v in known if v == high),
                "low": format_value(low),
                "low_axes": ", ".join(axis for axis, v in known if v == low),
            }
        )
        absent = [axis for axis, v in zip(axes, values, strict=True) if v is None]
        if absent and name in missing:
            parts.append(f"{name}: {missing[name]} ({', '.join(absent)}).")
        elif absent:
            parts.append(
                _("%(name)s: %(count)s without a figure.") % {"name": name, "count": len(absent)}
            )
    return " ".join(parts)
