"""QR codes: the drawn modules are exactly segno's, with a quiet zone, and the SVG is accessible."""

import io
import re
import xml.etree.ElementTree as ET

import segno
from django.utils import translation
from PIL import Image

from participation.qr import qr_png, qr_svg

URL = "https://barnratt.example/dialog/7f3a?kommun=karlskoga&steg=1"
SVG = "{http://www.w3.org/2000/svg}"


def expected_matrix(url=URL):
    """What segno itself encodes for the URL at level M, as rows of 0/1 without a margin."""
    code = segno.make(url, error="m", micro=False, boost_error=False)
    assert code.error == "M"
    return [list(row) for row in code.matrix]


def svg_matrix(svg):
    """Read the modules back from the path's runs ("M x y h n …") and strip the quiet zone."""
    root = ET.fromstring(svg)
    side = int(root.get("viewBox").split()[2])
    grid = [[0] * side for _ in range(side)]
    path = root.find(f"{SVG}path").get("d")
    for x, y, n in re.findall(r"M(\d+) (\d+)h(\d+)", path):
        for dx in range(int(n)):
            grid[int(y)][int(x) + dx] = 1
    return grid


def png_matrix(png, scale):
    """Sample the centre of every module in the PNG."""
    image = Image.open(io.BytesIO(png)).convert("L")
    side = image.width // scale
    return [
        [
            int(image.getpixel((x * scale + scale // 2, y * scale + scale // 2)) < 128)
            for x in range(side)
        ]
        for y in range(side)
    ]


def without_margin(grid, margin=4):
    return [row[margin:-margin] for row in grid[margin:-margin]]


def test_svg_draws_exactly_the_modules_segno_encodes():
    grid = svg_matrix(qr_svg(URL))
    assert without_margin(grid) == expected_matrix()


def test_svg_has_a_quiet_zone_of_four_light_modules():
    grid = svg_matrix(qr_svg(URL))
    assert len(grid) == len(expected_matrix()) + 8
    margin_cells = grid[:4] + grid[-4:] + [row[:4] + row[-4:] for row in grid]
    assert not any(any(row) for row in margin_cells)


def test_svg_is_black_on_white_and_sized_by_module():
    root = ET.fromstring(qr_svg(URL, module_size=5))
    side = int(root.get("viewBox").split()[2])
    assert root.get("width") == root.get("height") == str(side * 5)
    assert root.find(f"{SVG}rect").get("fill") == "#ffffff"
    assert root.find(f"{SVG}path").get("fill") == "#000000"


def test_svg_is_an_image_named_by_its_title_with_the_url_escaped():
    with translation.override("en"):
        svg = qr_svg(URL, id_prefix="survey-7")
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "survey-7-title"
    title = root.find(f"{SVG}title")
    assert title.get("id") == "survey-7-title"
    assert title.text == f"QR code that opens {URL}"
    assert "&amp;steg=1" in svg


def test_svg_title_can_be_given_and_is_escaped():
    root = ET.fromstring(qr_svg(URL, title="Enkät <om> skolgården"))
    assert root.find(f"{SVG}title").text == "Enkät <om> skolgården"


def test_svg_title_is_swedish_in_a_swedish_interface():
    with translation.override("sv"):
        root = ET.fromstring(qr_svg(URL))
    assert root.find(f"{SVG}title").text == f"QR-kod som öppnar {URL}"


def test_two_codes_on_a_page_get_different_title_ids():
    first = ET.fromstring(qr_svg(URL)).get("aria-labelledby")
    second = ET.fromstring(qr_svg(URL)).get("aria-labelledby")
    assert first != second


def test_png_starts_with_the_png_signature():
    assert qr_png(URL).startswith(b"\x89PNG\r\n\x1a\n")


def test_png_shows_exactly_the_modules_segno_encodes_at_the_given_scale():
    png = qr_png(URL, scale=6)
    side = len(expected_matrix()) + 8
    assert Image.open(io.BytesIO(png)).size == (side * 6, side * 6)
    assert without_margin(png_matrix(png, 6)) == expected_matrix()


def test_different_urls_give_different_codes():
    assert svg_matrix(qr_svg(URL)) != svg_matrix(qr_svg(URL + "2"))
