"""Charts drawn on the server as self-contained SVG, for the web page, the PDF and the Word file.

Everything is an inline attribute (no classes, styles or scripts from outside), so the same SVG
renders in a browser, in WeasyPrint and in a DOCX. Bars and lines reach 3:1 against white and
text 4.5:1 (WCAG 2.1 AA); series differ by dash and marker as well as colour. Every label from
data is escaped. Each chart carries a plain-language text alternative and its rows for a table.
"""

import functools
import math
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from markupsafe import Markup, escape
from PIL import ImageFont

FONT = "DejaVu Sans, sans-serif"
FONT_FILE = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BACKGROUND = "#ffffff"
TEXT = "#1a1a1a"  # 17:1 on white
MUTED_TEXT = "#595959"  # 7:1 on white, for axis figures
GRID = "#d9d9d9"  # decorative only; the figures are also printed as text
BAR = "#1d5c8c"  # 7:1 on white
# (colour, dash pattern, marker): dash and marker tell series apart for those who cannot see
# the colours, and in a black-and-white print.
SERIES_STYLES: tuple[tuple[str, str, str], ...] = (
    ("#1d5c8c", "", "circle"),
    ("#b03a00", "8 4", "square"),
    ("#2e6b30", "2 4", "triangle"),
    ("#6b3fa0", "12 4 2 4", "diamond"),
    ("#8c1d4f", "4 2", "cross"),
)
WIDTH = 640
TITLE_HEIGHT = 36
LABEL_CHARS = 30  # a label's line length; longer labels wrap, then shorten at a word
# DejaVu Sans' mean advance per em, rounded up so that estimates of a text's width err wide.
CHAR_EM = 0.66
TITLE_SIZE = 15

Value = float | int | None


@dataclass(frozen=True)
class Chart:
    """An SVG safe for a template, what it shows in words, and its data for a table beside it.

    `rows` are (label, value) for a bar chart and (x label, value of each series …) for a line
    chart; `columns` names the value columns.
    """

    svg: Markup
    text_alternative: str
    rows: list[tuple]
    columns: list[str]


def format_value(value: Value, unit: str = "") -> str:
    """A figure as the reader's language writes it ("12,5 %"), at most one decimal."""
    if value is None:
        return _("no figure")
    # Rounded first, then written without a decimal if it is whole: 69,96 is "70" as 70 is,
    # never "70,0" beside "70". A figure too small to show at one decimal is "< 0,1", not 0.
    rounded = round(float(value), 1)
    if value and not rounded:
        limit = number_format(0.1, use_l10n=True)
        text = f"< {limit}" if value > 0 else f"> −{limit}"
        return f"{text} {unit}" if unit else text
    shown = int(rounded) if rounded.is_integer() else rounded
    # The locale's separators and NUMBER_GROUPING: "2 500 000", "72,7".
    text = number_format(shown, use_l10n=True, force_grouping=True)
    return f"{text} {unit}" if unit else text


def bar_chart(
    title: str,
    rows: Sequence[tuple[str, Value]],
    *,
    unit: str = "",
    max_value: float | None = None,
    description: str | None = None,
    id_prefix: str | None = None,
    goal: Value = None,
) -> Chart:
    """Horizontal bars, longest for the largest value; None (e.g. a hidden small group) has none.
    A `goal` is drawn as a dashed line across the bars, labelled, and said in the summary."""
    rows = [(str(label), value) for label, value in rows]
    if any(value is not None and value < 0 for _label, value in rows):
        raise ValueError("bar_chart draws values of zero or more")
    summary = _bar_summary(title, rows, unit)
    if goal is not None:
        summary += " " + _goal_summary(rows, goal, unit)
    desc = description or summary
    if not rows:
        return Chart(_empty_svg(title, desc, id_prefix), summary, rows, [title])
    room = WIDTH * 0.45
    wrapped = [wrap_label(label, width=room)[0] for label, _value in rows]
    widest = max(text_width(line) for lines in wrapped for line in lines)
    label_width = 12 + widest
    figure_width = max(text_width(format_value(value, unit)) for _label, value in rows)
    plot_width = WIDTH - label_width - figure_width - 16
    scale = max_value or max((v for _label, v in rows if v is not None), default=0) or 1
    if goal is not None:
        scale = max(scale, goal)
    top = TITLE_HEIGHT + (20 if goal is not None else 0)  # room for the goal's label
    body, step = [], 32 if all(len(lines) == 1 for lines in wrapped) else 40
    for index, (label, value) in enumerate(rows):
        y = top + index * step
        body.append(label_text(label_width - 8, y + 16, label, anchor="end", width=room))
        width = 0.0 if value is None else plot_width * min(value, scale) / scale
        if value is not None:
            body.append(
                f'<rect x="{label_width:.1f}" y="{y}" width="{width:.2f}" height="22"'
                f' fill="{BAR}"/>'
            )
        body.append(_text(label_width + width + 6, y + 16, format_value(value, unit)))
    bottom = top + len(rows) * step
    body.append(_line(label_width, top - 4, label_width, bottom - 6, TEXT))
    if goal is not None:
        x = label_width + plot_width * goal / scale
        body.append(
            f'<line x1="{x:.1f}" y1="{top - 6:.1f}" x2="{x:.1f}" y2="{bottom - 4:.1f}"'
            f' stroke="{TEXT}" stroke-width="2" stroke-dasharray="6 3"/>'
        )
        text = _("Goal %(value)s") % {"value": format_value(goal, unit)}
        # The label sits above the bars, kept inside the chart at the right edge.
        anchor_x = min(x, WIDTH - 4 - text_width(text) / 2)
        body.append(_text(anchor_x, top - 10, text, anchor="middle"))
    return Chart(_svg(title, desc, id_prefix, bottom + 8, body), summary, rows, [title])


def _goal_summary(rows: list[tuple[str, Value]], goal: float, unit: str) -> str:
    known = [value for _label, value in rows if value is not None]
    reached = sum(1 for value in known if value >= goal)
    return ngettext(
        "Goal: %(goal)s. %(reached)s of %(count)s reaches it.",
        "Goal: %(goal)s. %(reached)s of %(count)s reach it.",
        reached,
    ) % {"goal": format_value(goal, unit), "reached": reached, "count": len(known)}


def _bar_summary(title: str, rows: list[tuple[str, Value]], unit: str) -> str:
    """Highest and lowest in words, and how many rows have no figure."""
    known = [(label, value) for label, value in rows if value is not None]
    if not known:
        return _("%(title)s: no data to show.") % {"title": title}
    high = max(known, key=lambda row: row[1])
    low = min(known, key=lambda row: row[1])
    if len(known) > 1 and high[1] == low[1]:
        # "Highest: BUN, 0 %. Lowest: BUN, 0 %" would be true of no row in particular.
        text = _("%(title)s The same figure for all %(count)s: %(value)s.") % {
            "title": title if title.rstrip()[-1:] in (".", "?", "!") else f"{title}.",
            "count": len(known),
            "value": format_value(high[1], unit),
        }
    elif len(known) == 1:
        values = {"title": title, "label": high[0], "value": format_value(high[1], unit)}
        text = _("%(title)s: %(label)s, %(value)s.") % values
    elif high[1] == low[1]:
        # "Highest: A, 100 %. Lowest: A, 100 %." says nothing: say that all are the same.
        text = _("%(title)s All %(count)s have the same figure: %(value)s.") % {
            "title": title if title.rstrip()[-1:] in (".", "?", "!") else f"{title}.",
            "count": len(known),
            "value": format_value(high[1], unit),
        }
    else:
        text = _("%(title)s Highest: %(high)s, %(high_value)s. Lowest: %(low)s, %(low_value)s.")
        text %= {
            # A question keeps its question mark; a plain title gets a full stop.
            "title": title if title.rstrip()[-1:] in (".", "?", "!") else f"{title}.",
            "high": high[0],
            "high_value": format_value(high[1], unit),
            "low": low[0],
            "low_value": format_value(low[1], unit),
        }
    missing = len(rows) - len(known)
    if missing:
        text += " " + ngettext(
            "%(count)s row has no figure.", "%(count)s rows have no figure.", missing
        ) % {"count": missing}
    return text


def line_chart(
    title: str,
    series: dict[str, Sequence[tuple[str, Value]]],
    *,
    unit: str = "",
    description: str | None = None,
    id_prefix: str | None = None,
    note: str = "",
) -> Chart:
    """Lines over time for up to five series; a None leaves a gap instead of a guessed line,
    and a note under the chart says so. `note` adds what else the reader must know (what a
    mean is over), drawn under the chart and read out with the text alternative."""
    if len(series) > len(SERIES_STYLES):
        raise ValueError(f"line_chart tells at most {len(SERIES_STYLES)} series apart")
    x_labels = list(dict.fromkeys(str(x) for points in series.values() for x, _v in points))
    lookup = {name: {str(x): v for x, v in points} for name, points in series.items()}
    rows = [(x, *(lookup[name].get(x) for name in series)) for x in x_labels]
    summary = _line_summary(title, series, unit)
    values = [v for points in lookup.values() for v in points.values() if v is not None]
    notes = [note] if note else []
    if values and any(v is None for row in rows for v in row[1:]):
        notes.append(_("A gap in a line: no figure there (never counted as 0)."))
    summary = " ".join([summary, *notes]) if values else summary
    desc = description or summary
    if not values:
        return Chart(_empty_svg(title, desc, id_prefix), summary, rows, list(series))
    low, high, step = _axis(min(0, *values), max(values))
    ticks = [low + tick * step for tick in range(round((high - low) / step) + 1)]
    left = 16 + max(text_width(format_value(v)) for v in ticks)
    top, plot_h = TITLE_HEIGHT + 8, 220
    plot_w = WIDTH - left - 32

    def x_at(i: int) -> float:
        return left + (plot_w / 2 if len(x_labels) == 1 else plot_w * i / (len(x_labels) - 1))

    def y_at(v: float) -> float:
        return top + plot_h * (high - v) / (high - low)

    body = []
    for v in ticks:
        body.append(_line(left, y_at(v), left + plot_w, y_at(v), GRID))
        body.append(_text(left - 6, y_at(v) + 4, format_value(v), anchor="end", fill=MUTED_TEXT))
    every = math.ceil(len(x_labels) / 12)
    for i, x in enumerate(x_labels):
        if i % every == 0:
            body.append(label_text(x_at(i), top + plot_h + 18, x, chars=12, anchor="middle"))
    legend_y = top + plot_h + 44
    for n, name in enumerate(series):
        colour, dash, marker = SERIES_STYLES[n]
        column = [row[1 + n] for row in rows]
        points = [None if v is None else (x_at(i), y_at(v)) for i, v in enumerate(column)]
        body.append(_series(points, colour, dash, marker))
        y = legend_y + 22 * n
        sample = [(left, y), (left + 18, y), (left + 36, y)]
        body.append(_series(sample, colour, dash, marker, legend=True))
        room = int((WIDTH - left - 54) / (13 * CHAR_EM))
        body.append(label_text(left + 46, y + 5, name, chars=room, max_lines=1))
    height = legend_y + 22 * len(series)
    chars = int((WIDTH - 4) / (12 * CHAR_EM))
    for text in notes:
        lines = wrap_label(text, chars, max_lines=4)[0]
        body.append(_lines_text(2, height + 10, lines, size=12, fill=MUTED_TEXT))
        height += 8 + 14 * len(lines)
    return Chart(_svg(title, desc, id_prefix, height, body), summary, rows, list(series))


def _axis(low: float, high: float) -> tuple[float, float, float]:
    """Round axis ends and a step of 1, 2 or 5 times a power of ten, about five ticks."""
    if high == low:
        high = low + 1
    raw = (high - low) / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def _line_summary(title: str, series: dict[str, Sequence[tuple[str, Value]]], unit: str) -> str:
    """Each series' first and last known figure, which is what a reader looks for first."""
    if all(v is None for points in series.values() for _x, v in points):
        return _("%(title)s: no data to show.") % {"title": title}
    parts = [title + "."]
    for name, points in series.items():
        known = [(str(x), v) for x, v in points if v is not None]
        if not known:
            parts.append(_("%(name)s: no figures.") % {"name": name})
            continue
        if len(known) == 1:
            parts.append(
                _("%(name)s: %(value)s in %(x)s.")
                % {"name": name, "value": format_value(known[0][1], unit), "x": known[0][0]}
            )
        else:
            parts.append(
                _("%(name)s: from %(first)s in %(first_x)s to %(last)s in %(last_x)s.")
                % {
                    "name": name,
                    "first": format_value(known[0][1], unit),
                    "first_x": known[0][0],
                    "last": format_value(known[-1][1], unit),
                    "last_x": known[-1][0],
                }
            )
        # A missing figure after the first known one is named, so that the last known figure
        # is not read as a fall (or a rise) to the missing year.
        first = next(n for n, (_x, v) in enumerate(points) if v is not None)
        gaps = [str(x) for x, v in points[first:] if v is None]
        if gaps:
            parts.append(
                _("%(name)s: no figure for %(xs)s.") % {"name": name, "xs": ", ".join(gaps)}
            )
    return " ".join(parts)


def _series(points: list, colour: str, dash: str, marker: str, legend: bool = False) -> str:
    """A line broken where a point is missing, and a marker on every known point."""
    segments, current = [], []
    for point in [*points, None]:
        if point is None:
            if current:
                segments.append("M" + " L".join(f"{x:.1f} {y:.1f}" for x, y in current))
            current = []
        else:
            current.append(point)
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    parts = [
        f'<path d="{" ".join(segments)}" fill="none" stroke="{colour}" stroke-width="2.5"'
        f"{dash_attr}/>"
    ]
    marked = [points[len(points) // 2]] if legend else [p for p in points if p is not None]
    parts += [_marker(marker, x, y, colour) for x, y in marked]
    return "<g>" + "".join(parts) + "</g>"


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{colour}"/>'
    if shape == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    outlines = {
        "triangle": f"M{x:.1f} {y - 5.5:.1f} L{x + 5:.1f} {y + 4:.1f} L{x - 5:.1f} {y + 4:.1f} Z",
        "diamond": f"M{x:.1f} {y - 5.5:.1f} L{x + 5.5:.1f} {y:.1f} L{x:.1f} {y + 5.5:.1f} "
        f"L{x - 5.5:.1f} {y:.1f} Z",
        "cross": f"M{x - 4:.1f} {y - 4:.1f} L{x + 4:.1f} {y + 4:.1f} "
        f"M{x + 4:.1f} {y - 4:.1f} L{x - 4:.1f} {y + 4:.1f}",
    }
    if shape == "cross":
        return f'<path d="{outlines[shape]}" fill="none" stroke="{colour}" stroke-width="2.5"/>'
    return f'<path d="{outlines[shape]}" fill="{colour}"/>'


def _empty_svg(title: str, desc: str, id_prefix: str | None) -> Markup:
    message = _text(WIDTH / 2, TITLE_HEIGHT + 28, _("No data to show"), anchor="middle")
    return _svg(title, desc, id_prefix, TITLE_HEIGHT + 56, [message])


def _svg(title: str, desc: str, id_prefix: str | None, height: float, body: list[str]) -> Markup:
    """The root: role="img" named by its title and described by its desc, on a white ground."""
    prefix = escape(id_prefix or f"chart-{uuid.uuid4().hex[:8]}")
    # A long title wraps (never shortens: it names the figure); the body moves down below it.
    chars = int((WIDTH - 4) / (TITLE_SIZE * CHAR_EM))
    title_lines, _shortened = wrap_label(title, chars, max_lines=4)
    extra = (len(title_lines) - 1) * 19
    height = math.ceil(height + extra)
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}"'
        f' height="{height}" role="img" aria-labelledby="{prefix}-title {prefix}-desc"'
        f' font-family="{FONT}" font-size="13">'
        f'<title id="{prefix}-title">{escape(title)}</title>'
        f'<desc id="{prefix}-desc">{escape(desc)}</desc>'
        f'<rect width="{WIDTH}" height="{height}" fill="{BACKGROUND}"/>'
        + _lines_text(2, 18, title_lines, size=TITLE_SIZE, weight="bold", line_height=19)
        + (f'<g transform="translate(0 {extra})">' if extra else "")
        + "".join(body)
        + ("</g>" if extra else "")
        + "</svg>"
    )


def _text(
    x: float,
    y: float,
    content: str,
    *,
    anchor: str = "start",
    size: int = 13,
    fill: str = TEXT,
    weight: str = "normal",
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}"'
        f' font-weight="{weight}" fill="{fill}">{escape(content)}</text>'
    )


def _line(x1: float, y1: float, x2: float, y2: float, colour: str) -> str:
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}"'
        ' stroke-width="1"/>'
    )


@functools.cache
def _measuring_font(size: int):
    """DejaVu Sans as the browser, WeasyPrint and `reports.raster` draw it; None without it."""
    try:
        return ImageFont.truetype(FONT_FILE, size)
    except OSError:
        return None


def text_width(text: str, size: int = 13) -> float:
    """The drawn width, measured with the font where it is installed, and never less than an
    estimate that errs wide: a viewer without DejaVu Sans draws a fallback font a little wider."""
    estimate = len(text) * size * CHAR_EM
    font = _measuring_font(size)
    return estimate if font is None else max(estimate, font.getlength(text))


def wrap_label(
    label: str,
    chars: int = LABEL_CHARS,
    max_lines: int = 2,
    *,
    width: float | None = None,
    size: int = 13,
) -> tuple[list[str], bool]:
    """Lines of about `chars` characters broken between words, and whether it was shortened.

    With `width`, a line is instead what `text_width` measures to fit in `width` at `size`.
    A label needing more than `max_lines` ends its last line with "…" after a whole word, never
    inside one; only a single word wider than a whole line is shortened inside itself.
    """

    def fits(text: str) -> bool:
        return text_width(text, size) <= width if width else len(text) <= chars

    lines: list[str] = []
    for word in label.split():
        if lines and fits(f"{lines[-1]} {word}"):
            lines[-1] += " " + word
        else:
            lines.append(word)
    shortened = len(lines) > max_lines
    lines = lines[:max_lines] or [""]
    if shortened:
        while not fits(lines[-1] + "…") and " " in lines[-1]:
            lines[-1] = lines[-1].rsplit(" ", 1)[0]
        lines[-1] = lines[-1].rstrip(",;:–-") + "…"
    for n, line in enumerate(lines):
        if width and not fits(line):  # one word wider than the room
            while len(line) > 1 and not fits(line + "…"):
                line = line[:-1]
            lines[n], shortened = line.removesuffix("…") + "…", True
    return lines, shortened


def label_text(
    x: float,
    y: float,
    label: str,
    *,
    chars: int = LABEL_CHARS,
    max_lines: int = 2,
    anchor: str = "start",
    size: int = 13,
    fill: str = TEXT,
    width: float | None = None,
) -> str:
    """A label from data, wrapped between words; a shortened one carries its full text as
    the element's <title> (the tooltip and accessible name). The table beside shows it too.
    With `width` the lines are measured to fit it, else counted in `chars`."""
    lines, shortened = wrap_label(label, chars, max_lines, width=width, size=size)
    # Several lines are centred on the line a single one would sit on.
    y -= (len(lines) - 1) * (size + 2) / 2
    title = f"<title>{escape(label)}</title>" if shortened else ""
    return _lines_text(x, y, lines, anchor=anchor, size=size, fill=fill, title=title)


def _lines_text(
    x: float,
    y: float,
    lines: list[str],
    *,
    anchor: str = "start",
    size: int = 13,
    fill: str = TEXT,
    weight: str = "normal",
    line_height: float | None = None,
    title: str = "",
) -> str:
    if len(lines) == 1 and not title:
        return _text(x, y, lines[0], anchor=anchor, size=size, fill=fill, weight=weight)
    step = line_height or size + 2
    tspans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if n == 0 else step:g}">{escape(line)}</tspan>'
        for n, line in enumerate(lines)
    )
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}"'
        f' font-weight="{weight}" fill="{fill}">{title}{tspans}</text>'
    )
