"""The grid chart (core.heatmap): one shaded cell per value with the figure printed in it, a
text alternative in words and the data as rows for a table."""

from core.heatmap import SHADES, heatmap


def test_cells_show_the_figure_and_the_shade_of_the_level():
    chart = heatmap("Skattningar", ["A", "B"], [("Karlskoga", [0, 4]), ("Degerfors", [None, 2])])
    svg = str(chart.svg)
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert svg.count("<rect ") == 1 + 4  # the ground and four cells
    assert f'fill="{SHADES[0][0]}"' in svg and f'fill="{SHADES[4][0]}"' in svg
    assert ">4</text>" in svg and ">–</text>" in svg
    assert chart.rows == [("Karlskoga", 0, 4), ("Degerfors", None, 2)]
    assert chart.columns == ["A", "B"]
    assert "2 av 2" in chart.text_alternative or "2 of 2" in chart.text_alternative


def test_labels_from_data_are_escaped():
    chart = heatmap("T", ["<b>"], [("<script>x</script>", [1])])
    assert "<script>" not in str(chart.svg)


def test_no_rows_draws_an_empty_chart():
    chart = heatmap("T", ["A"], [])
    assert chart.rows == []
    assert "<svg" in str(chart.svg)


def test_a_long_row_name_ends_after_a_whole_word_inside_the_picture():
    from core.heatmap import heatmap
    from tests.test_charts import assert_inside_the_viewbox, assert_no_word_is_cut

    name = "Barn- och utbildningsnämnden i Kungsbacka kommun"
    chart = heatmap("Nivåer", ["a", "b", "c"], [(name, [1, 2, None]), ("Kort", [0, 4, 3])])
    assert_no_word_is_cut(chart.svg, [name, "Nivåer", "Kort", "1 2 3"])
    assert_inside_the_viewbox(chart.svg)
    assert f"<title>{name}</title>" in str(chart.svg)
