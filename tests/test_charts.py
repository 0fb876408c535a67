"""Server-drawn SVG charts: valid, self-contained, escaped, proportional and readable."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation
from markupsafe import Markup

from core.charts import (
    BACKGROUND,
    BAR,
    MUTED_TEXT,
    SERIES_STYLES,
    TEXT,
    bar_chart,
    format_value,
    line_chart,
)

NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def contrast(foreground, background="#ffffff"):
    """WCAG 2.1 contrast ratio from relative luminance."""

    def luminance(colour):
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    lighter, darker = sorted([luminance(foreground), luminance(background)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def bars(svg):
    return [r for r in ET.fromstring(svg).iter(f"{NS}rect") if r.get("fill") == BAR]


def texts(svg):
    """What each text element shows: its lines joined, without a <title> (the full text)."""
    return [drawn(t) for t in ET.fromstring(svg).iter(f"{NS}text")]


def drawn(element):
    spans = list(element.iter(f"{NS}tspan"))
    return " ".join(s.text or "" for s in spans) if spans else element.text


def assert_no_word_is_cut(svg, labels):
    """Every word drawn is a whole word of some label (an ellipsis may follow it)."""
    words = {word for label in labels for word in label.split()}
    words |= {word.rstrip(",;:") for word in words}
    for element in ET.fromstring(svg).iter(f"{NS}text"):
        for word in (drawn(element) or "").split():
            word = word.removesuffix("…")
            if word and not re.fullmatch(r"[\d\s,.%\u00a0–-]+", word):
                assert word in words, f"{word!r} is cut in {drawn(element)!r}"


def assert_inside_the_viewbox(svg):
    """An estimate of each line's extent (erring wide, as the layout does) stays inside."""
    from core.charts import text_width

    root = ET.fromstring(svg)
    width = float(root.get("viewBox").split()[2])
    for element in root.iter(f"{NS}text"):
        size = int(element.get("font-size"))
        anchor = element.get("text-anchor")
        spans = list(element.iter(f"{NS}tspan")) or [element]
        for span in spans:
            x = float(span.get("x") or element.get("x"))
            w = text_width(span.text or "", size)
            left = {"start": x, "middle": x - w / 2, "end": x - w}[anchor]
            assert left >= 0 and left + w <= width + 0.5, (span.text, left, left + w, width)


def test_contrast_helper_agrees_with_known_values():
    assert contrast("#000000") == pytest.approx(21)
    assert contrast("#767676") == pytest.approx(4.54, abs=0.01)


def test_bars_and_lines_reach_three_to_one_and_text_four_and_a_half():
    assert BACKGROUND == "#ffffff"
    assert contrast(BAR) >= 3
    for colour, _dash, _marker in SERIES_STYLES:
        assert contrast(colour) >= 3, colour
    assert contrast(TEXT) >= 4.5
    assert contrast(MUTED_TEXT) >= 4.5


def test_every_colour_in_a_chart_is_one_of_the_checked_ones():
    chart = line_chart("T", {f"s{n}": [("2024", n), ("2025", n + 1)] for n in range(5)})
    fills = set(re.findall(r'(?:fill|stroke)="(#[0-9a-f]{6})"', chart.svg))
    allowed = {BAR, BACKGROUND, TEXT, MUTED_TEXT, "#d9d9d9", *(s[0] for s in SERIES_STYLES)}
    assert fills <= allowed


def test_bar_chart_is_an_accessible_self_contained_svg():
    chart = bar_chart("Svar per skola", [("Bergsskolan", 12)], id_prefix="c1")
    root = ET.fromstring(chart.svg)
    assert isinstance(chart.svg, Markup)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find(f"{NS}title").get("id") == "c1-title"
    assert root.find(f"{NS}desc").get("id") == "c1-desc"
    assert root.get("viewBox").startswith("0 0 ")
    assert root.get("font-family") == "DejaVu Sans, sans-serif"
    for element in root.iter():
        assert element.tag.removeprefix(NS) not in {"script", "style", "foreignObject", "image"}
        for name in element.attrib:
            assert name not in {"class", "style", "href"} and not name.startswith("on"), name


def test_labels_and_titles_are_escaped():
    chart = bar_chart(
        "<b>Titel</b>", [("<script>alert(1)</script>", 3), ("Tom & Jerry", 4)], unit="<%>"
    )
    assert "<script>" not in chart.svg
    assert "&lt;script&gt;" in chart.svg
    root = ET.fromstring(chart.svg)  # would fail on a raw "&" or "<"
    assert "<script>alert(1)</script>" in [t.text for t in root.iter(f"{NS}text")]
    assert root.find(f"{NS}title").text == "<b>Titel</b>"
    assert "Tom & Jerry" in texts(chart.svg)


def test_bar_widths_are_proportional_to_the_values():
    chart = bar_chart("Antal svar", [("Åk 7", 10), ("Åk 8", 40), ("Åk 9", 20)])
    w7, w8, w9 = (float(r.get("width")) for r in bars(chart.svg))
    assert w8 / w7 == pytest.approx(4, rel=1e-3)
    assert w9 / w7 == pytest.approx(2, rel=1e-3)


def test_a_given_maximum_sets_the_scale():
    scaled_to_data = bar_chart("Andel", [("Nej", 50)], unit="%")
    scaled_to_100 = bar_chart("Andel", [("Nej", 50)], unit="%", max_value=100)
    (full,) = (float(r.get("width")) for r in bars(scaled_to_data.svg))
    (half,) = (float(r.get("width")) for r in bars(scaled_to_100.svg))
    assert half == pytest.approx(full / 2)


def test_bars_show_their_figures_and_units_as_text():
    chart = bar_chart("Andel", [("Ja", 62.44), ("Nej", 37)], unit="%")
    assert "62.4 %" in texts(chart.svg)
    with translation.override("sv"):
        assert format_value(72.66, "%") == "72,7 %"
    assert "37 %" in texts(chart.svg)


def test_figures_use_the_swedish_decimal_comma():
    with translation.override("sv"):
        assert format_value(12.5, "%") == "12,5 %"
        assert format_value(None) == "uppgift saknas"
        # Thousands grouped by the locale's NUMBER_GROUPING with a no-break space.
        assert format_value(2500000) == "2\u00a0500\u00a0000"
        assert format_value(1234.5) == "1\u00a0234,5"


def test_a_hidden_group_gets_no_bar_but_says_so():
    chart = bar_chart("Svar", [("Flickor", 12), ("Annat", None)])
    assert len(bars(chart.svg)) == 1
    assert "no figure" in texts(chart.svg)
    assert chart.text_alternative.endswith("1 row has no figure.")


def test_negative_bars_are_refused():
    with pytest.raises(ValueError, match="zero or more"):
        bar_chart("Förändring", [("A", -1)])


def test_text_alternative_names_the_highest_and_the_lowest():
    chart = bar_chart("Trygghet", [("Centrum", 70), ("Norr", 45), ("Söder", 81)], unit="%")
    assert chart.text_alternative == "Trygghet. Highest: Söder, 81 %. Lowest: Norr, 45 %."
    assert chart.text_alternative in ET.fromstring(chart.svg).find(f"{NS}desc").text


def test_a_description_replaces_the_generated_desc_but_not_the_text_alternative():
    chart = bar_chart("T", [("A", 1), ("B", 2)], description="Egen beskrivning")
    assert ET.fromstring(chart.svg).find(f"{NS}desc").text == "Egen beskrivning"
    assert "Highest: B" in chart.text_alternative


def test_rows_and_columns_are_kept_for_the_table():
    chart = bar_chart("Antal", [("A", 1), ("B", None)])
    assert chart.rows == [("A", 1), ("B", None)]
    assert chart.columns == ["Antal"]


def test_long_labels_wrap_between_words_and_keep_their_full_text_as_title():
    label = "Barn- och utbildningsnämnden, pedagoger i förskola och grundskola i Karlskoga"
    chart = bar_chart("T", [(label, 1)])
    elements = ET.fromstring(chart.svg).iter(f"{NS}text")
    (element,) = [t for t in elements if t.find(f"{NS}title") is not None]
    assert element.find(f"{NS}title").text == label
    lines = [span.text for span in element.iter(f"{NS}tspan")]
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert_no_word_is_cut(chart.svg, [label, "T"])
    assert chart.rows[0][0] == label


@pytest.mark.parametrize("make", [lambda: bar_chart("Tom", []), lambda: line_chart("Tom", {})])
def test_empty_data_gives_a_chart_that_says_no_data(make):
    chart = make()
    assert "No data to show" in texts(chart.svg)
    assert chart.text_alternative == "Tom: no data to show."
    assert not bars(chart.svg)


def test_ids_are_unique_per_chart_unless_given():
    first, second = (ET.fromstring(bar_chart("T", [("A", 1)]).svg) for _ in range(2))
    assert first.get("aria-labelledby") != second.get("aria-labelledby")


SERIES = {
    "Karlskoga": [("2021", 10), ("2022", None), ("2023", 14), ("2024", 15)],
    "Degerfors": [("2021", 8), ("2022", 9), ("2023", 11), ("2024", 12)],
    "Riket": [("2021", 12), ("2022", 12), ("2023", 13), ("2024", 13)],
}


def series_groups(svg):
    return list(ET.fromstring(svg).iter(f"{NS}g"))


def test_line_chart_is_valid_and_accessible():
    chart = line_chart("Andel elever som känner sig trygga", SERIES, unit="%", id_prefix="l")
    root = ET.fromstring(chart.svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "l-title l-desc"
    assert {"Karlskoga", "Degerfors", "Riket", "2021", "2024"} <= set(texts(chart.svg))


def marker_shape(element):
    """Tag, whether filled, and the path's commands: enough to tell the five shapes apart."""
    return element.tag, element.get("fill"), "".join(re.findall("[MLZ]", element.get("d", "")))


def test_series_differ_by_dash_and_marker_not_only_colour():
    five = {f"Serie {n}": [("2023", n), ("2024", n + 1)] for n in range(5)}
    lines = series_groups(line_chart("T", five).svg)[::2]  # each line, then its legend sample
    dashes = [g.find(f"{NS}path").get("stroke-dasharray") for g in lines]
    shapes = [marker_shape(g[1]) for g in lines]
    assert len(set(dashes)) == 5
    assert len({(tag, "none" if fill == "none" else "filled", d) for tag, fill, d in shapes}) == 5


def test_a_missing_value_leaves_a_gap_in_the_line():
    chart = line_chart("T", SERIES)
    karlskoga, degerfors = series_groups(chart.svg)[0], series_groups(chart.svg)[2]
    assert karlskoga.find(f"{NS}path").get("d").count("M") == 2
    assert degerfors.find(f"{NS}path").get("d").count("M") == 1
    assert len(karlskoga) == 1 + 3  # the line and a marker on each of three known points


def test_line_chart_rows_have_a_column_per_series():
    chart = line_chart("T", SERIES)
    assert chart.columns == ["Karlskoga", "Degerfors", "Riket"]
    assert chart.rows[1] == ("2022", None, 9, 12)


def test_line_text_alternative_gives_first_and_last_figures():
    chart = line_chart("Trygghet", SERIES, unit="%")
    assert "Karlskoga: from 10 % in 2021 to 15 % in 2024." in chart.text_alternative
    assert chart.text_alternative.startswith("Trygghet.")


def test_higher_values_are_drawn_higher():
    chart = line_chart("T", {"A": [("2023", 10), ("2024", 20)]})
    circles = list(ET.fromstring(chart.svg).iter(f"{NS}circle"))
    assert float(circles[0].get("cy")) > float(circles[1].get("cy"))


def test_more_series_than_styles_are_refused():
    with pytest.raises(ValueError, match="at most 5"):
        line_chart("T", {str(n): [("2024", n)] for n in range(6)})


def test_text_alternative_reads_in_swedish():
    with translation.override("sv"):
        chart = bar_chart("Trygghet", [("Centrum", 70.5), ("Norr", 45), ("Söder", 81)], unit="%")
        empty = bar_chart("Trygghet", [])
    assert chart.text_alternative == "Trygghet. Högst: Söder, 81 %. Lägst: Norr, 45 %."
    assert "Inga uppgifter att visa" in texts(empty.svg)


def test_a_question_title_keeps_its_question_mark():
    chart = bar_chart("Vilket är bäst?", [("Gungor", 3), ("Bänkar", 1)])
    assert chart.text_alternative.startswith("Vilket är bäst? Highest: Gungor")


LONG_NAMES = [
    "Barn- och utbildningsnämnden, pedagoger i förskola och grundskola",
    "Kungsbacka kommun",
    "Socialnämndens arbetsutskott för individ- och familjeomsorg",
    "Samordna genomförandet av barnets rättigheter i hela organisationen",
]


def test_long_swedish_names_are_neither_cut_mid_word_nor_outside_the_bar_chart():
    title = "Andel av målgruppen som har utbildats i barnets rättigheter under året (LUPP), andel"
    rows = [(name, 72.66 * (n + 1)) for n, name in enumerate(LONG_NAMES)]
    chart = bar_chart(title, rows, unit="%")
    assert_no_word_is_cut(chart.svg, [*LONG_NAMES, title])
    assert_inside_the_viewbox(chart.svg)


def test_a_long_title_wraps_instead_of_running_off_the_edge():
    title = "Andel unga som upplever att de kan påverka i frågor som rör dem (LUPP), andel"
    chart = bar_chart(f"{title} {title}", [("A", 1)])
    assert_no_word_is_cut(chart.svg, [title, "A"])
    assert_inside_the_viewbox(chart.svg)


def test_line_chart_axis_has_room_for_large_grouped_figures():
    with translation.override("sv"):
        chart = line_chart("Kronor", {LONG_NAMES[0]: [("2023", 2_500_000), ("2024", 3_100_000)]})
    assert "2\u00a0500\u00a0000" in texts(chart.svg) or "3\u00a0000\u00a0000" in texts(chart.svg)
    assert_inside_the_viewbox(chart.svg)
    assert_no_word_is_cut(chart.svg, [*LONG_NAMES, "Kronor"])


def test_a_goal_is_a_labelled_dashed_line_and_is_said_in_words():
    chart = bar_chart("Share trained", [("A", 90.0), ("B", 40.0)], unit="%", max_value=100, goal=80)
    root = ET.fromstring(chart.svg)
    dashed = [line for line in root.iter(f"{NS}line") if line.get("stroke-dasharray")]
    assert len(dashed) == 1
    plot_left = float(bars(chart.svg)[0].get("x"))
    full = float(bars(chart.svg)[0].get("width")) / 0.9  # bar A is 90 of 100
    assert float(dashed[0].get("x1")) == pytest.approx(plot_left + full * 0.8, abs=0.2)
    assert "Goal 80 %" in texts(chart.svg)
    assert "Goal: 80 %. 1 of 2 reaches it." in chart.text_alternative
    assert_inside_the_viewbox(chart.svg)


def test_a_goal_above_every_bar_widens_the_scale_to_show_it():
    chart = bar_chart("Share", [("A", 10.0)], unit="%", goal=80)
    lines = ET.fromstring(chart.svg).iter(f"{NS}line")
    dashed = [line for line in lines if line.get("stroke-dasharray")]
    bar = bars(chart.svg)[0]
    assert float(dashed[0].get("x1")) > float(bar.get("x")) + float(bar.get("width"))
    assert_inside_the_viewbox(chart.svg)


def test_a_missing_year_is_a_gap_with_a_note_not_a_fall_to_zero():
    with translation.override("sv"):
        chart = line_chart(
            "Barnens andel",
            {"Karlskoga kommun": [("2024", 60), ("2025", 69.7), ("2026", None)]},
            unit="%",
        )
    root = ET.fromstring(chart.svg)
    assert "69,7 %" in chart.text_alternative
    assert "Karlskoga kommun: uppgift saknas för 2026." in chart.text_alternative
    note = "Ett avbrott i en linje: uppgift saknas där (räknas aldrig som 0)."
    assert note in texts(chart.svg)
    assert note in root.find(f"{NS}desc").text
    assert "0 %" not in texts(chart.svg)
    assert_inside_the_viewbox(chart.svg)


def test_a_chart_without_gaps_has_no_gap_note_but_keeps_a_given_note():
    chart = line_chart("T", {"A": [("2024", 1), ("2025", 2)]}, note="2025: mean of 6 of 7.")
    assert not any("gap" in (t or "") for t in texts(chart.svg))
    assert "2025: mean of 6 of 7." in texts(chart.svg)
    assert chart.text_alternative.endswith("2025: mean of 6 of 7.")


@pytest.mark.parametrize("rows", [[("BUN", 0), ("BUN", 0)], [("A", 5), ("B", 5), ("C", 5)]])
def test_the_same_figure_everywhere_is_said_so_not_highest_and_lowest(rows):
    with translation.override("sv"):
        chart = bar_chart("Andel", rows, unit="%")
        value = format_value(rows[0][1], "%")
    assert "Högst" not in chart.text_alternative and "Lägst" not in chart.text_alternative
    assert chart.text_alternative == f"Andel. Samma värde för alla {len(rows)}: {value}."


def test_one_row_is_named_once():
    with translation.override("sv"):
        chart = bar_chart("Andel", [("BUN", 0), ("KS", None)], unit="%")
    assert chart.text_alternative == "Andel: BUN, 0 %. 1 rad saknar uppgift."


def test_text_width_measures_wide_letters_with_the_font():
    from core.charts import text_width

    # Ten capital Ms are wider than the per-letter estimate; the layout must know.
    assert text_width("M" * 10) > 10 * 13 * 0.66
    chart = bar_chart("T", [("MMMMMMMMMMMMMMMMMMMMMMMMMMMMMM", 1)])
    assert_inside_the_viewbox(chart.svg)


def test_one_rounding_rule_whole_after_rounding_and_tiny_is_not_zero():
    with translation.override("sv"):
        assert format_value(69.96, "%") == "70 %"  # as 70 is, never "70,0 %"
        assert format_value(0.02, "%") == "< 0,1 %"  # a share, however small, is not 0
        assert format_value(0, "%") == "0 %"
        assert format_value(2_500_000.04) == "2\u00a0500\u00a0000"
