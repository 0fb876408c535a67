"""core.radar: an accessible SVG (role, title, desc), escaped labels, one outline and marker set
per series, the data as rows, and refusals of what it cannot draw."""

import pytest

from core.radar import radar_chart

AXES = ["Förstå", "Planera", "Samordna <b>", "Barnrätt", "Budget", "Utbilda", "Civilsamhället"]


def test_radar_is_an_accessible_image_with_its_data_as_rows():
    chart = radar_chart(
        "Framgångsfaktorer",
        AXES,
        {"2025": [1, 2, 3, 4, 0, 1, None], "2024": [0] * 7},
        id_prefix="r",
    )
    svg = str(chart.svg)
    assert 'role="img"' in svg and 'aria-labelledby="r-title r-desc"' in svg
    assert "Samordna &lt;b&gt;" in svg and "<b>" not in svg
    assert chart.columns == ["2025", "2024"]
    assert chart.rows[0] == ("Förstå", 1, 0)
    assert chart.rows[-1] == ("Civilsamhället", None, 0)
    # The first series has six points (one missing) drawn as circles.
    assert svg.count("<circle") == 6 + 1  # plus its legend marker
    assert "Barnrätt" in chart.text_alternative


def test_radar_refuses_values_outside_the_scale_and_too_few_axes():
    with pytest.raises(ValueError):
        radar_chart("x", AXES, {"a": [5, 0, 0, 0, 0, 0, 0]})
    with pytest.raises(ValueError):
        radar_chart("x", AXES[:2], {"a": [1, 1]})
    with pytest.raises(ValueError):
        radar_chart("x", AXES, {"a": [1, 1]})


def test_long_factor_names_wrap_between_words_inside_the_picture():
    from tests.test_charts import assert_inside_the_viewbox, assert_no_word_is_cut

    axes = [
        "Samordna genomförandet av barnets rättigheter",
        "Barnets rättigheter i budgetprocessen och uppföljningen",
        "Kunskap och kompetensutveckling för förtroendevalda och medarbetare",
        "Delaktighet",
        "Barnrättsbaserade beslutsunderlag",
        "Uppföljning",
        "Samverkan med civilsamhället",
    ]
    chart = radar_chart("Framgångsfaktorer", axes, {"2025": [1, 2, 3, 4, 0, 1, None]})
    assert_no_word_is_cut(chart.svg, [*axes, "Framgångsfaktorer", "2025"])
    assert_inside_the_viewbox(chart.svg)
