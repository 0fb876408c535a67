"""Telling an import file's format from its contents."""

import json

import pytest

from indicators.imports.core import ImportFailed
from indicators.imports.detect import choose_format, format_of

KOLADA_PAGE = {"values": [{"kpi": "N02904", "municipality": "1883", "period": 2023, "values": []}]}
JSON_STAT = {"class": "dataset", "version": "2.0", "id": [], "dimension": {}, "value": []}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (json.dumps(KOLADA_PAGE).encode(), "kolada_json"),
        (json.dumps([KOLADA_PAGE, KOLADA_PAGE]).encode(), "kolada_json"),
        (b"\xef\xbb\xbf" + json.dumps(JSON_STAT).encode(), "scb_json"),
        (
            b"kpi,municipality_id,period,gender,value,status\nN02904,1883,2022,T,12.9,\n",
            "kolada_csv",
        ),
        (b'"region","Andel 2022","Andel 2023"\n"1883 Karlskoga",1,2\n', "scb_csv"),
        ("indikator;kod;år;värde\nx;1883;2023;1,5\n".encode(), "template"),
        ("indikator;kod;år;värde\n".encode("cp1252"), "template"),
        (b"Hej\nHopp\n", None),
        (b'{"hello": 1}', None),
        (b"{not json", None),
    ],
)
def test_format_of(data, expected):
    assert format_of(data) == expected


def test_the_chosen_format_stands_when_the_file_cannot_be_told():
    assert choose_format("scb_csv", b"a;b\n1;2\n") == "scb_csv"


def test_nothing_chosen_and_nothing_told_is_refused():
    with pytest.raises(ImportFailed):
        choose_format("", b"Hej\n")
