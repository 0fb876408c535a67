"""A grid chart (heat map) drawn on the server as self-contained SVG, in the style of
`core.charts`: one row per item, one column per measure on a small fixed scale (such as the
self-assessment's maturity levels 0–4). Each cell is shaded by its value and also shows the
figure as text, so the colour is never the only carrier; text reaches 4.5:1 on every shade.
Like the other charts it carries a text alternative and its data as rows for a table.

Drawn for many rows (a network of 290 municipalities): plain string building, one rectangle and
one text per cell.
"""

from collections.abc import Sequence

from django.utils.translation import gettext as _

from .charts import (
    CHAR_EM,
    GRID,
    TEXT,
    TITLE_HEIGHT,
    WIDTH,
    Chart,
    Value,
    _empty_svg,
    _svg,
    _text,
    format_value,
    label_text,
)

# (background, text colour) from the lowest level to the highest; contrast of the text at
# least 10:1 on the light shades and 5.7:1 on the dark ones.
SHADES = (
    ("#f2f2f2", TEXT),
    ("#d6e4f0", TEXT),
    ("#a9c8e3", TEXT),
    ("#2f6a9e", "#ffffff"),
    ("#163f63", "#ffffff"),
)
MISSING = "–"
ROW_HEIGHT = 22
LABEL_WIDTH = 200
LABEL_CHARS = int((LABEL_WIDTH - 12) / (13 * CHAR_EM))  # one line; a longer name ends in "…"
HEADER_HEIGHT = 24


def heatmap(
    title: str,
    columns: Sequence[str],
    rows: Sequence[tuple[str, Sequence[Value]]],
    *,
    low: int = 0,
    high: int = 4,
    column_labels: Sequence[str] | None = None,
    id_prefix: str | None = None,
) -> Chart:
    """`columns` name the measures (in the table); `column_labels` are their short labels in the
    drawing (default: 1, 2, 3 …, explained by the table). `rows` are (label, values)."""
    rows = [(str(label), list(values)) for label, values in rows]
    columns = [str(column) for column in columns]
    summary = _summary(title, columns, rows)
    table_rows = [(label, *values) for label, values in rows]
    if not rows:
        return Chart(_empty_svg(title, summary, id_prefix), summary, table_rows, columns)
    labels = list(column_labels or [str(n) for n in range(1, len(columns) + 1)])
    cell = (WIDTH - LABEL_WIDTH - 8) / len(columns)
    top = TITLE_HEIGHT + HEADER_HEIGHT
    body = [
        _text(LABEL_WIDTH + cell * (i + 0.5), TITLE_HEIGHT + 14, label, anchor="middle")
        for i, label in enumerate(labels)
    ]
    span = max(high - low, 1)
    for index, (label, values) in enumerate(rows):
        y = top + index * ROW_HEIGHT
        body.append(
            label_text(LABEL_WIDTH - 8, y + 15, label, chars=LABEL_CHARS, max_lines=1, anchor="end")
        )
        for i, value in enumerate(values):
            x = LABEL_WIDTH + i * cell
            if value is None:
                background, colour, shown = "#ffffff", TEXT, MISSING
            else:
                step = round((min(max(value, low), high) - low) / span * (len(SHADES) - 1))
                background, colour = SHADES[step]
                shown = str(value)
            body.append(
                f'<rect x="{x:.1f}" y="{y}" width="{cell - 2:.1f}" height="{ROW_HEIGHT - 2}"'
                f' fill="{background}" stroke="{GRID}" stroke-width="1"/>'
            )
            body.append(_text(x + cell / 2 - 1, y + 15, shown, anchor="middle", fill=colour))
    height = top + len(rows) * ROW_HEIGHT + 8
    return Chart(_svg(title, summary, id_prefix, height, body), summary, table_rows, columns)


def _summary(title: str, columns: list[str], rows) -> str:
    """How many rows have figures, and each measure's average, in words."""
    if not rows:
        return _("%(title)s: no data to show.") % {"title": title}
    with_figures = sum(1 for _label, values in rows if any(v is not None for v in values))
    parts = []
    for i, column in enumerate(columns):
        known = [values[i] for _label, values in rows if values[i] is not None]
        if known:
            average = sum(known) / len(known)
            parts.append(
                _("%(measure)s %(average)s on average")
                % {"measure": column, "average": format_value(average)}
            )
    text = _("%(title)s: %(count)s of %(total)s have figures.") % {
        "title": title,
        "count": with_figures,
        "total": len(rows),
    }
    if parts:
        text += " " + "; ".join(parts) + "."
    return text
