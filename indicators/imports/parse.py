"""Which parser reads which format, and how its rows are matched to the catalogue."""

from . import kolada, scb, template
from .core import ImportFailed, Options


def options_for(fmt: str, *, indicator=None) -> Options:
    if fmt in ("kolada_json", "kolada_csv"):
        return Options(match="source_id", source="kolada", source_label="Kolada")
    if fmt == "scb_json" and indicator is not None:
        return Options(match="code", indicator=indicator, source_label="SCB")
    if fmt == "scb_json":
        return Options(match="source_id", source="scb", source_label="SCB")
    if fmt == "scb_csv":
        return Options(match="code", indicator=indicator, source_label="SCB")
    if fmt == "template":
        return Options(match="code", source_label="")
    raise ValueError(fmt)


def rows_for(fmt: str, data: bytes, *, indicator=None):
    if fmt == "kolada_json":
        return kolada.json_rows(data)
    if fmt == "kolada_csv":
        return kolada.csv_rows(data)
    if fmt == "scb_json":
        return scb.jsonstat_rows(data, one_indicator=indicator is not None)
    if fmt == "scb_csv":
        if indicator is None:
            from django.utils.translation import gettext as _

            raise ImportFailed([(0, _("Choose the indicator the SCB table holds."))])
        return scb.csv_rows(data)
    if fmt == "template":
        return template.csv_rows(data)
    raise ValueError(fmt)
