"""QR codes that take children and young people straight to a survey or a dialogue's page.

The SVG is drawn here from segno's module matrix so that it carries a title and role="img" for
screen readers and stays crisp when WeasyPrint prints it on a poster; the PNG is for slides and
for people who paste images.
"""

import io
import uuid

import segno
from django.utils.translation import gettext as _
from markupsafe import Markup, escape

ERROR_CORRECTION = "m"  # survives a fold or a smudge on a printed poster, ~15 % of the code
QUIET_ZONE = 4  # modules of light margin, as the QR standard asks
DARK = "#000000"
LIGHT = "#ffffff"


def make_code(url: str) -> segno.QRCode:
    """A regular QR code at level M; segno must not raise the level behind our back."""
    return segno.make(url, error=ERROR_CORRECTION, micro=False, boost_error=False)


def qr_svg(
    url: str, *, title: str | None = None, module_size: int = 4, id_prefix: str | None = None
) -> Markup:
    """An inline SVG of the code, black on white with its quiet zone, safe to put in a template.

    `module_size` sets the printed size (CSS may scale it); `id_prefix` keeps the title's id
    unique when a page shows several codes.
    """
    code = make_code(url)
    side = code.symbol_size(scale=1, border=QUIET_ZONE)[0]
    title_id = f"{id_prefix or 'qr-' + uuid.uuid4().hex[:8]}-title"
    label = title if title is not None else _("QR code that opens %(url)s") % {"url": url}
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}"'
        f' width="{side * module_size}" height="{side * module_size}" role="img"'
        f' aria-labelledby="{escape(title_id)}" shape-rendering="crispEdges">'
        f'<title id="{escape(title_id)}">{escape(label)}</title>'
        f'<rect width="{side}" height="{side}" fill="{LIGHT}"/>'
        f'<path fill="{DARK}" d="{_dark_path(code)}"/>'
        "</svg>"
    )


def _dark_path(code: segno.QRCode) -> str:
    """One rectangle per horizontal run of dark modules: short, and no hairline gaps."""
    commands = []
    for y, row in enumerate(code.matrix_iter(scale=1, border=QUIET_ZONE)):
        x = 0
        while x < len(row):
            if not row[x]:
                x += 1
                continue
            start = x
            while x < len(row) and row[x]:
                x += 1
            commands.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
    return "".join(commands)


def qr_png(url: str, scale: int = 10) -> bytes:
    """A PNG of the code, `scale` pixels a module, black on white with its quiet zone."""
    buffer = io.BytesIO()
    make_code(url).save(buffer, kind="png", scale=scale, border=QUIET_ZONE, dark=DARK, light=LIGHT)
    return buffer.getvalue()
