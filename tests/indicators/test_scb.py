"""SCB: PxWebApi 2.0 json-stat2 and CSV with Riket, the chosen indicator, and `fetch_scb`
against a local server. The documents follow the json-stat 2.0 format and PxWebApi 2.0's
`/tables/{id}/data` answer (made for these tests; no SCB figures)."""

import json
from urllib.parse import unquote

import pytest
from django.core.management import CommandError, call_command

from indicators.imports.core import ImportFailed, run_import
from indicators.models import Indicator, IndicatorValue

from .stub_server import StubServer


def dataset(regions=("00", "1883"), contents=("BE0101N1",), years=("2023", "2024")):
    """A PxWebApi 2.0 json-stat2 answer: labels, roles, an extension, status as an object."""
    ids = ["Region", "Kon", "ContentsCode", "Tid"]
    codes = {"Region": regions, "Kon": ("1", "2"), "ContentsCode": contents, "Tid": years}
    labels = {"00": "Riket", "1883": "Karlskoga", "1862": "Degerfors", "1": "män", "2": "kvinnor"}
    total = len(regions) * 2 * len(contents) * len(years)
    return {
        "version": "2.0",
        "class": "dataset",
        "label": "Folkmängden efter region, kön och år",
        "source": "SCB",
        "updated": "2025-02-21T07:00:00Z",
        "id": ids,
        "size": [len(codes[name]) for name in ids],
        "role": {"time": ["Tid"], "metric": ["ContentsCode"], "geo": ["Region"]},
        "dimension": {
            name: {
                "label": name.lower(),
                "category": {
                    "index": {code: position for position, code in enumerate(codes[name])},
                    "label": {code: labels.get(code, code) for code in codes[name]},
                },
                "extension": {"elimination": name == "Kon"},
            }
            for name in ids
        },
        "value": [1000 + number for number in range(total - 1)] + [None],
        "status": {str(total - 1): ".."},
        "extension": {"px": {"tableid": "TAB0000", "decimals": 0, "language": "sv"}},
    }


@pytest.fixture
def population(karlskoga, degerfors):
    indicator = Indicator.objects.get(code="barn-0-17")
    indicator.source_id = "BE0101N1"
    indicator.save()
    return indicator


def do_import(document, fmt="scb_json", **kwargs):
    data = document if isinstance(document, bytes) else json.dumps(document).encode()
    return run_import(data, fmt=fmt, organisation=kwargs.pop("organisation"), by=None, **kwargs)


def test_pxwebapi2_jsonstat2_with_riket_is_imported_as_sweden(population, karlskoga):
    summary, _run = do_import(dataset(), organisation=karlskoga)
    assert summary.added == 8
    assert IndicatorValue.objects.get(area_code="0000", gender="M", year=2023).value == 1000
    last = IndicatorValue.objects.get(area_code="1883", gender="K", year=2024)
    assert (last.value, last.status) == (None, "missing")


def test_jsonstat2_status_may_be_a_list(population, karlskoga):
    document = dataset(regions=("00",), years=("2024",))
    document["value"] = [10, None]
    document["status"] = [None, ".."]
    do_import(document, organisation=karlskoga)
    assert IndicatorValue.objects.get(gender="K").status == "missing"


def test_scb_csv_with_riket(karlskoga):
    indicator = Indicator.objects.get(code="hushall-med-barn")
    data = '"region","2023","2024"\n"00 Riket","11.9","11.8"\n"1883 Karlskoga","11.4",".."\n'
    summary, _run = do_import(
        data.encode(), fmt="scb_csv", indicator=indicator, organisation=karlskoga
    )
    assert summary.added == 4
    assert IndicatorValue.objects.get(area_code="0000", year=2024).value == 11.8


def test_chosen_indicator_is_used_for_a_jsonstat2_table(karlskoga):
    """The contents code is not in the catalogue; the importer's choice decides."""
    chosen = Indicator.objects.get(code="hushall-med-barn")
    summary, _run = do_import(
        dataset(contents=("HE0111X9",)), indicator=chosen, organisation=karlskoga
    )
    assert summary.added == 8
    assert set(IndicatorValue.objects.values_list("indicator", flat=True)) == {chosen.pk}


def test_chosen_indicator_refuses_a_table_with_two_contents_codes(karlskoga):
    chosen = Indicator.objects.get(code="hushall-med-barn")
    with pytest.raises(ImportFailed, match="flera innehållskoder"):
        do_import(dataset(contents=("A1", "A2")), indicator=chosen, organisation=karlskoga)


def test_import_command_honours_indicator_for_scb_json(karlskoga, tmp_path):
    path = tmp_path / "tab.json"
    path.write_text(json.dumps(dataset(contents=("HE0111X9",))))
    call_command(
        "import_indicators",
        str(path),
        "--format",
        "scb_json",
        "--organisation",
        "1883",
        "--indicator",
        "hushall-med-barn",
    )
    assert IndicatorValue.objects.filter(indicator__code="hushall-med-barn").count() == 8


def test_fetch_scb_asks_for_the_organisations_and_riket_and_imports(population, settings):
    document = dataset(regions=("00", "1862", "1883"))
    with StubServer({}, default=[(200, document)]) as stub:
        settings.SCB_BASE_URL, settings.SCB_RETRIES = stub.base + "/api/v2", 0
        call_command(
            "fetch_scb", "--organisation", "1883", "--table", "TAB638", "--select", "Kon=1,2"
        )
    path = unquote(stub.requests[0])
    assert path.startswith("/api/v2/tables/TAB638/data?lang=sv&outputFormat=json-stat2")
    assert "valuecodes[Region]=1862,1883,00" in path
    assert "valuecodes[Tid]=top(5)" in path
    assert "valuecodes[Kon]=1,2" in path
    assert IndicatorValue.objects.filter(area_code="0000").count() == 4
    assert IndicatorValue.objects.count() == 12


def test_fetch_scb_fails_without_importing_when_scb_fails(population, settings):
    with StubServer({}, default=[(503, None)]) as stub, pytest.raises(CommandError, match="503"):
        settings.SCB_BASE_URL, settings.SCB_RETRIES = stub.base + "/api/v2", 1
        call_command("fetch_scb", "--organisation", "1883", "--table", "TAB638")
    assert len(stub.requests) == 2
    assert not IndicatorValue.objects.exists()
