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


def test_a_peer_reviews_factors_outside_its_focus_are_not_reviewed_not_without_a_figure():
    from django.utils import translation

    series = {"Självskattning 2026": [2, 3, 2, 3, 2, None, 3], "Granskning 2026": [None] * 7}
    series["Granskning 2026"][1:3] = [2, 3]
    with translation.override("sv"):
        chart = radar_chart(
            "Faktorer",
            AXES,
            series,
            missing={"Granskning 2026": "inte granskade, utanför granskningens fokus"},
        )
    text = chart.text_alternative
    assert "Granskning 2026: medel av 2 värden 2,5" in text
    assert "Granskning 2026: inte granskade, utanför granskningens fokus (Förstå, Barnrätt" in text
    assert "Granskning 2026: 5 utan värde" not in text
    # The self-rating's mean is over its six rated factors, and says so.
    assert "Självskattning 2026: medel av 6 värden 2,5" in text
    assert "Självskattning 2026: 1 utan värde." in text


def test_the_real_factor_names_stay_inside_the_picture_in_both_languages():
    from django.utils import translation

    from planning.success_factors import SuccessFactor
    from tests.test_charts import assert_inside_the_viewbox, assert_no_word_is_cut

    for language in ("sv", "en"):
        with translation.override(language):
            axes = [str(label) for label in SuccessFactor.labels]
            chart = radar_chart("Framgångsfaktorer", axes, {"Självskattning 2026": [1] * 7})
        assert_no_word_is_cut(chart.svg, [*axes, "Framgångsfaktorer", "Självskattning 2026"])
        assert_inside_the_viewbox(chart.svg)
