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
