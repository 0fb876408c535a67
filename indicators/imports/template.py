"""Barnrätt's own CSV template: one figure a line, for own figures, LUPP and anything else.

Columns (semicolon, comma or tab; Swedish or English names):
  indikator / indicator    the catalogue code, such as barn-i-dialog
  kod / area               the SCB code: 4 digits a municipality, 2 a county, 0000 Sweden
  år / year                such as 2024
  kön / gender             T (total), K (girls) or M (boys); empty means total
  åldersgrupp / age_band   optional, such as 13-15
  värde / value            the figure, decimal comma or point; empty when missing
  status                   optional: slutlig, preliminär or saknas (final, preliminary, missing)
"""

from .core import RawRow
from .tabular import column, reader

HEADER = ["indikator", "kod", "år", "kön", "åldersgrupp", "värde", "status"]
EXAMPLE_ROWS = [
    ["barn-i-dialog", "1883", "2024", "T", "", "412", "slutlig"],
    ["barn-i-dialog", "1883", "2024", "K", "", "220", "slutlig"],
    ["barn-i-dialog", "1883", "2024", "M", "", "192", "slutlig"],
    ["lupp-trygghet", "1883", "2025", "T", "13-15", "81,5", "preliminär"],
]


def example_csv() -> str:
    lines = [";".join(HEADER), *(";".join(row) for row in EXAMPLE_ROWS)]
    return "\ufeff" + "\r\n".join(lines) + "\r\n"


def csv_rows(data: bytes):
    header, rows = reader(data)
    indicator = column(header, ("indikator", "indicator"))
    area = column(header, ("kod", "area", "kommunkod", "area_code"))
    year = column(header, ("år", "year"))
    gender = column(header, ("kön", "gender"), required=False)
    age_band = column(header, ("åldersgrupp", "age_band"), required=False)
    value = column(header, ("värde", "value"))
    status = column(header, ("status",), required=False)
    width = 1 + max(
        i for i in (indicator, area, year, gender, age_band, value, status) if i is not None
    )
    for number, cells in rows:
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        yield RawRow(
            number,
            cells[indicator],
            cells[area],
            cells[year],
            (cells[gender] or "T") if gender is not None else "T",
            cells[age_band] if age_band is not None else "",
            cells[value],
            cells[status] if status is not None else "",
        )
