"""Every chart kind drawn with the longest real labels of the demo (organisations, committees,
activity titles, success factors) keeps each text inside its picture and cuts no word: the SVG
charts (bar, line, radar, timeline) and the PNG pictures of the Word file."""

import datetime
import io
import re
from types import SimpleNamespace

import pytest
from django.utils import translation
from PIL import Image

from core.charts import bar_chart, line_chart
from core.radar import radar_chart
from organisations.demo import COMMITTEES, ORGANISATIONS
from planning import publichealth_demo
from planning.success_factors import SuccessFactor
from planning.timeline import activity_timeline
from reports.raster import _font, bar_picture, fit, line_picture
from tests.test_charts import assert_inside_the_viewbox, assert_no_word_is_cut

TITLE = "Andel av målgruppen som har utbildats i barnets rättigheter under året (LUPP), andel"


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


def longest(texts, count=6):
    return sorted(set(texts), key=len)[-count:]


ORGANISATION_NAMES = longest(name for _code, name, _kind in ORGANISATIONS)
BODY_LABELS = longest(
    f"{body} ({organisation})"
    for body, _kind in COMMITTEES
    for _code, organisation, _k in ORGANISATIONS
)
ACTIVITY_TITLES = longest(
    text
    for text in strings([publichealth_demo.TEAM_PLAN, publichealth_demo.PROGRAMME])
    if len(text.split()) > 3
)


@pytest.fixture(autouse=True, params=["sv", "en"])
def language(request):
    with translation.override(request.param):
        yield request.param


@pytest.mark.parametrize("labels", [ORGANISATION_NAMES, BODY_LABELS, ACTIVITY_TITLES])
def test_bar_chart_with_the_longest_demo_labels(labels):
    chart = bar_chart(TITLE, [(label, 72.66) for label in labels], unit="%", max_value=100)
    assert_inside_the_viewbox(chart.svg)
    assert_no_word_is_cut(chart.svg, [*labels, TITLE])


def test_line_chart_with_the_longest_demo_names_and_grouped_figures():
    series = {
        name: [("2024", 2_500_000 + n), ("2025", None), ("2026", 3_100_000)]
        for n, name in enumerate(BODY_LABELS[:5])
    }
    chart = line_chart(TITLE, series, note=" ".join(ACTIVITY_TITLES))
    assert_inside_the_viewbox(chart.svg)
    gap = translation.gettext("A gap in a line: no figure there (never counted as 0).")
    assert_no_word_is_cut(chart.svg, [*BODY_LABELS, TITLE, *ACTIVITY_TITLES, gap])


def test_radar_with_the_success_factors_and_long_series_names():
    axes = [str(label) for label in SuccessFactor.labels]
    series = {name: [2, 3, None, 1, 4, 0, 2] for name in ORGANISATION_NAMES[:5]}
    chart = radar_chart(TITLE, axes, series)
    assert_inside_the_viewbox(chart.svg)
    assert_no_word_is_cut(chart.svg, [*axes, *ORGANISATION_NAMES, TITLE])


def test_timeline_with_the_longest_demo_activity_titles():
    plan = SimpleNamespace(
        period_label="2016–2019",
        start_year=2016,
        end_year=2019,
        first_day=datetime.date(2016, 1, 1),
        last_day=datetime.date(2019, 12, 31),
    )
    activities = [
        SimpleNamespace(
            title=title,
            starts_on=datetime.date(2016, 3, 1),
            ends_on=datetime.date(2018, 12, 31),
            status=status,
        )
        for title, status in zip(ACTIVITY_TITLES, ["planned", "ongoing", "done"] * 2, strict=True)
    ]
    timeline = activity_timeline(plan, activities, id_prefix="t")
    svg = str(timeline.svg)
    assert_inside_the_viewbox(svg)
    title = translation.gettext("Timeline of the activities, %(period)s") % {"period": "2016–2019"}
    assert_no_word_is_cut(svg, [*ACTIVITY_TITLES, title, *(row[3] for row in timeline.rows)])


def assert_every_text_inside(picture):
    width, height = picture.image.size
    assert picture.boxes
    for text, (left, top, right, bottom) in picture.boxes:
        assert left >= 0 and top >= 0 and right <= width and bottom <= height, (text, width)


def test_word_bar_picture_keeps_every_label_inside():
    labels = [*BODY_LABELS, *ACTIVITY_TITLES, "Ungdomsfullmäktigeledamotsersättningsreglemente"]
    block = {"title": f"{TITLE} {TITLE}", "data": [[label, 72.66] for label in labels]}
    block |= {"unit": "%", "max_value": 100}
    picture = bar_picture(block)
    assert_every_text_inside(picture)
    drawn = [text for text, _box in picture.boxes]
    # The title wraps whole; labels end after a whole word, the table has their full text.
    assert " ".join(drawn[:3]).startswith(TITLE)
    words = {word for label in [*labels, TITLE] for word in label.split()}
    words |= {word.rstrip(",;:") for word in words}
    for text in drawn:
        for word in text.split():
            word = word.removesuffix("…")
            figure = re.fullmatch(r"[\d\s,.%\u00a0–-]+", word)
            # Only the one word wider than a whole line is shortened inside itself.
            assert figure or word in words or word.startswith("Ungdomsfullmäktige"), word
    png = picture.png()
    assert Image.open(io.BytesIO(png)).size == picture.image.size


def test_word_line_picture_keeps_every_label_inside():
    series = [
        [name, [[2024, 2_500_000], [2025, None], [2026, 3_100_000]]] for name in BODY_LABELS[:5]
    ]
    series.append([" ".join(ACTIVITY_TITLES), [[2024, 1], [2026, 2]]])
    picture = line_picture({"title": TITLE, "series": series})
    assert_every_text_inside(picture)
    assert "2\u00a0500\u00a0000" in [t for t, _b in picture.boxes] or any(
        "000" in t for t, _b in picture.boxes
    )


def test_fit_breaks_between_words_and_measures_with_the_font():
    font, label = _font(12), "Barn- och utbildningsnämnden i Ljusnarsbergs kommun"
    lines = fit(label, font, 600)
    assert len(lines) == 2 and all(font.getlength(line) <= 600 for line in lines)
    assert " ".join(lines) == label
    (one,) = fit(label, font, 600, max_lines=1)
    assert font.getlength(one) <= 600
    kept = one.removesuffix("…").split()
    assert one.endswith("…") and kept == label.split()[: len(kept)]  # whole words only
