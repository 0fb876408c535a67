"""Bar charts as PNG pictures for the Word file, drawn from the same figures as the SVG.

Word processors do not all show SVG; a picture drawn with Pillow keeps the DOCX editable
everywhere. The SVG (page and PDF) stays the reference drawing; this one follows its look."""

import io

from PIL import Image, ImageDraw, ImageFont

from core.charts import BAR, TEXT, format_value

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
