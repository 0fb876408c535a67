"""Bar charts as PNG pictures for the Word file, drawn from the same figures as the SVG.

Word processors do not all show SVG; a picture drawn with Pillow keeps the DOCX editable
everywhere. The SVG (page and PDF) stays the reference drawing; this one follows its look."""

import io

from PIL import Image, ImageDraw, ImageFont

from core.charts import BAR, SERIES_STYLES, TEXT, format_value

FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "DejaVuSans.ttf",
)
SCALE = 2  # drawn at twice the size for a sharp print


def _font(size):
    for path in FONT_PATHS:
        try:
            return ImageFont.truetype(path, size * SCALE)
        except OSError:
            continue
    return ImageFont.load_default()


def bar_png(block: dict) -> bytes:
    rows = block["data"]
    width, step, top = 640 * SCALE, 32 * SCALE, 36 * SCALE
    height = top + max(1, len(rows)) * step + 8 * SCALE
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    title_font, font = _font(14), _font(12)
    draw.text((8 * SCALE, 8 * SCALE), block["title"], fill=TEXT, font=title_font)
    labels = [label if len(label) <= 30 else label[:29] + "…" for label, _v in rows]
    label_width = max((draw.textlength(label, font=font) for label in labels), default=0)
    label_width += 16 * SCALE
    plot = width - label_width - 90 * SCALE
    known = [v for _label, v in rows if v is not None]
    scale = block.get("max_value") or max(known, default=0) or 1
    for index, ((_label, value), label) in enumerate(zip(rows, labels, strict=True)):
        y = top + index * step
        draw.text(
            (label_width - 8 * SCALE, y + 4 * SCALE), label, fill=TEXT, font=font, anchor="ra"
        )
        bar = 0 if value is None else plot * min(value, scale) / scale
        if value is not None:
            draw.rectangle([label_width, y, label_width + bar, y + 22 * SCALE], fill=BAR)
        text = format_value(value, block.get("unit", ""))
        draw.text((label_width + bar + 6 * SCALE, y + 4 * SCALE), text, fill=TEXT, font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def line_png(block: dict) -> bytes:
    """Lines over the years, for the Word file: each series in its SVG colour with its own dash
    pattern is beyond Pillow, so series differ by colour and marker, and the legend names them."""

    series = block["series"]  # [[name, [[year, value], …]], …]
    years = sorted({year for _name, points in series for year, _v in points})
    known = [v for _name, points in series for _y, v in points if v is not None]
    width, top, plot_h = 640 * SCALE, 36 * SCALE, 200 * SCALE
    left, right = 64 * SCALE, 24 * SCALE
    height = top + plot_h + 40 * SCALE + 22 * SCALE * len(series)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    title_font, font = _font(14), _font(12)
    draw.text((8 * SCALE, 8 * SCALE), block["title"], fill=TEXT, font=title_font)
    low, high = min(0, *known) if known else 0, max(known, default=1) or 1
    plot_w = width - left - right

    def x_at(year) -> float:
        index = years.index(year)
        return left + (plot_w / 2 if len(years) == 1 else plot_w * index / (len(years) - 1))

    def y_at(value) -> float:
        return top + plot_h * (high - value) / ((high - low) or 1)

    draw.line([(left, top + plot_h), (left + plot_w, top + plot_h)], fill=TEXT, width=SCALE)
    for value in (low, high):
        draw.text(
            (left - 6 * SCALE, y_at(value)), format_value(value), fill=TEXT, font=font, anchor="rm"
        )
    for year in years:
        draw.text(
            (x_at(year), top + plot_h + 6 * SCALE), str(year), fill=TEXT, font=font, anchor="ma"
        )
    for n, (name, points) in enumerate(series):
        colour = SERIES_STYLES[n % len(SERIES_STYLES)][0]
        xy = [(x_at(year), y_at(v)) for year, v in points if v is not None]
        if len(xy) > 1:
            draw.line(xy, fill=colour, width=2 * SCALE)
        for x, y in xy:
            draw.ellipse([x - 4 * SCALE, y - 4 * SCALE, x + 4 * SCALE, y + 4 * SCALE], fill=colour)
        legend_y = top + plot_h + 34 * SCALE + 22 * SCALE * n
        draw.line([(left, legend_y), (left + 36 * SCALE, legend_y)], fill=colour, width=2 * SCALE)
        draw.text((left + 46 * SCALE, legend_y), name, fill=TEXT, font=font, anchor="lm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
