"""Bar and line charts as PNG pictures for the Word file, drawn from the same figures as the SVG.

Word processors do not all show SVG; a picture drawn with Pillow keeps the DOCX editable
everywhere. The SVG (page and PDF) stays the reference drawing; this one follows its look.
Every text is measured with the font it is drawn in: a label too long for its room wraps
between words and then ends in "…" after a whole word (the table beside it has the full text);
the title wraps and is never shortened. Each drawn text's box is kept, so a test can check that
nothing leaves the picture."""

import io
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont

from core.charts import BAR, SERIES_STYLES, TEXT, format_value

FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "DejaVuSans.ttf",
)
SCALE = 2  # drawn at twice the size for a sharp print
WIDTH = 640 * SCALE
MARGIN = 8 * SCALE
ELLIPSIS = "…"


def _font(size):
    for path in FONT_PATHS:
        try:
            return ImageFont.truetype(path, size * SCALE)
        except OSError:
            continue
    return ImageFont.load_default(size * SCALE)


def fit(text: str, font, width: float, max_lines: int = 2) -> list[str]:
    """`text` in lines no wider than `width` as `font` draws them, broken between words; what
    does not fit in `max_lines` is left out after a whole word and marked with "…". Only a
    single word wider than a whole line is shortened inside itself."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    lines = lines or [""]
    shortened = len(lines) > max_lines
    lines = lines[:max_lines]
    if shortened:
        last = lines[-1]
        while " " in last and font.getlength(last.rstrip(",;:–-") + ELLIPSIS) > width:
            last = last.rsplit(" ", 1)[0]
        lines[-1] = last.rstrip(",;:–-") + ELLIPSIS
    for n, line in enumerate(lines):
        if font.getlength(line) > width:  # one long word: cut it, the table has it whole
            while line and font.getlength(line + ELLIPSIS) > width:
                line = line[:-1]
            lines[n] = line + ELLIPSIS
    return lines


@dataclass
class Picture:
    """A white picture that remembers the box of every text drawn on it."""

    height: int
    image: Image.Image = field(init=False)
    boxes: list[tuple[str, tuple[float, float, float, float]]] = field(default_factory=list)

    def __post_init__(self):
        self.image = Image.new("RGB", (WIDTH, self.height), "white")
        self.draw = ImageDraw.Draw(self.image)

    def text(self, xy, text: str, font, anchor: str = "la") -> None:
        self.draw.text(xy, text, fill=TEXT, font=font, anchor=anchor)
        self.boxes.append((text, self.draw.textbbox(xy, text, font=font, anchor=anchor)))

    def png(self) -> bytes:
        buffer = io.BytesIO()
        self.image.save(buffer, format="PNG")
        return buffer.getvalue()


def _title_lines(title: str, font) -> list[str]:
    return fit(title, font, WIDTH - 2 * MARGIN, max_lines=6)


def bar_picture(block: dict) -> Picture:
    rows = [(str(label), value) for label, value in block["data"]]
    title_font, font = _font(14), _font(12)
    title = _title_lines(block["title"], title_font)
    line_height = 16 * SCALE
    top = MARGIN + len(title) * 19 * SCALE + 10 * SCALE
    texts = [format_value(value, block.get("unit", "")) for _label, value in rows]
    value_width = max((font.getlength(text) for text in texts), default=0)
    room = WIDTH * 0.45
    labels = [fit(label, font, room) for label, _value in rows]
    label_width = max((font.getlength(line) for lines in labels for line in lines), default=0)
    label_width += 2 * MARGIN
    step = (40 if any(len(lines) > 1 for lines in labels) else 32) * SCALE
    height = int(top + max(1, len(rows)) * step + MARGIN)
    picture = Picture(height)
    for n, line in enumerate(title):
        picture.text((MARGIN, MARGIN + n * 19 * SCALE), line, title_font)
    plot = WIDTH - label_width - value_width - 3 * MARGIN
    known = [v for _label, v in rows if v is not None]
    scale = block.get("max_value") or max(known, default=0) or 1
    for index, ((_label, value), lines, text) in enumerate(zip(rows, labels, texts, strict=True)):
        y = top + index * step
        middle = y + 11 * SCALE
        first = middle - (len(lines) - 1) * line_height / 2
        for n, line in enumerate(lines):
            picture.text((label_width - MARGIN, first + n * line_height), line, font, "rm")
        bar = 0 if value is None else plot * min(value, scale) / scale
        if value is not None:
            picture.draw.rectangle([label_width, y, label_width + bar, y + 22 * SCALE], fill=BAR)
        picture.text((label_width + bar + 6 * SCALE, middle), text, font, "lm")
    return picture


def bar_png(block: dict) -> bytes:
    return bar_picture(block).png()


def line_picture(block: dict) -> Picture:
    """Lines over the years, for the Word file: each series in its SVG colour with its own dash
    pattern is beyond Pillow, so series differ by colour and marker, and the legend names them."""

    series = block["series"]  # [[name, [[year, value], …]], …]
    years = sorted({year for _name, points in series for year, _v in points})
    known = [v for _name, points in series for _y, v in points if v is not None]
    title_font, font = _font(14), _font(12)
    title = _title_lines(block["title"], title_font)
    top = MARGIN + len(title) * 19 * SCALE + 14 * SCALE
    plot_h = 200 * SCALE
    low, high = min(0, *known) if known else 0, max(known, default=1) or 1
    axis_texts = [format_value(value) for value in (low, high)]
    left = max(font.getlength(text) for text in axis_texts) + 2 * MARGIN
    right = 24 * SCALE
    height = int(top + plot_h + 40 * SCALE + 22 * SCALE * len(series))
    picture = Picture(height)
    draw = picture.draw
    for n, line in enumerate(title):
        picture.text((MARGIN, MARGIN + n * 19 * SCALE), line, title_font)
    plot_w = WIDTH - left - right

    def x_at(year) -> float:
        index = years.index(year)
        return left + (plot_w / 2 if len(years) == 1 else plot_w * index / (len(years) - 1))

    def y_at(value) -> float:
        return top + plot_h * (high - value) / ((high - low) or 1)

    draw.line([(left, top + plot_h), (left + plot_w, top + plot_h)], fill=TEXT, width=SCALE)
    for value, text in zip((low, high), axis_texts, strict=True):
        picture.text((left - MARGIN, y_at(value)), text, font, "rm")
    for year in years:
        picture.text((x_at(year), top + plot_h + 6 * SCALE), str(year), font, "ma")
    legend_room = WIDTH - left - 46 * SCALE - MARGIN
    for n, (name, points) in enumerate(series):
        colour = SERIES_STYLES[n % len(SERIES_STYLES)][0]
        xy = [(x_at(year), y_at(v)) for year, v in points if v is not None]
        if len(xy) > 1:
            draw.line(xy, fill=colour, width=2 * SCALE)
        for x, y in xy:
            draw.ellipse([x - 4 * SCALE, y - 4 * SCALE, x + 4 * SCALE, y + 4 * SCALE], fill=colour)
        legend_y = top + plot_h + 34 * SCALE + 22 * SCALE * n
        draw.line([(left, legend_y), (left + 36 * SCALE, legend_y)], fill=colour, width=2 * SCALE)
        (shown,) = fit(str(name), font, legend_room, max_lines=1)
        picture.text((left + 46 * SCALE, legend_y), shown, font, "lm")
    return picture


def line_png(block: dict) -> bytes:
    return line_picture(block).png()
