"""Imports: every format, idempotent upserts, the summary, and bad input refused whole."""

import json

import pytest

from core.models import AuditEntry
from indicators.imports.core import ImportFailed, run_import
from indicators.imports.template import example_csv
from indicators.models import ImportRun, Indicator, IndicatorValue
from organisations.models import Organisation


@pytest.fixture
def örebro_county(db):
    return Organisation.objects.create(name="Region Örebro län", kind="region", scb_code="18")


def template(*lines) -> bytes:
    return ("indikator;kod;år;kön;åldersgrupp;värde;status\n" + "\n".join(lines)).encode()


def do_import(data, fmt="template", organisation=None, **kwargs):
    organisation = organisation or Organisation.objects.get(scb_code="1883")
    return run_import(data, fmt=fmt, organisation=organisation, by=None, **kwargs)


def errors_of(excinfo) -> list[str]:
    return [f"{line}: {message}" for line, message in excinfo.value.errors]


def test_template_import_adds_then_reimport_changes_nothing(karlskoga, degerfors):
    data = template(
        "barn-i-dialog;1883;2024;T;;412;slutlig",
        "barn-i-dialog;1883;2024;K;;220;",
        "barn-i-dialog;1862;2024;T;;81,5;preliminär",
    )
    summary, run = do_import(data, file_name="egna.csv")
    assert (summary.added, summary.changed, summary.unchanged) == (3, 0, 0)
    value = IndicatorValue.objects.get(area_code="1862")
    assert (value.value, value.status) == (81.5, "preliminary")
    assert AuditEntry.objects.for_object(run).get().changes["added"] == [None, 3]

    again, _run = do_import(data)
    assert (again.added, again.changed, again.unchanged) == (0, 0, 3)
    assert IndicatorValue.objects.count() == 3


def test_changed_figure_is_counted_as_changed(karlskoga):
    do_import(template("barn-i-dialog;1883;2024;T;;412;"))
    summary, _run = do_import(
        template("barn-i-dialog;1883;2024;T;;413;", "barn-i-dialog;1883;2023;T;;400;")
    )
    assert (summary.added, summary.changed, summary.unchanged) == (1, 1, 0)
    assert IndicatorValue.objects.get(year=2024).value == 413


def test_downloadable_example_imports(karlskoga):
    summary, _run = do_import(example_csv().encode())
    assert summary.added == 4
    assert IndicatorValue.objects.get(age_band="13-15").value == 81.5


def test_kolada_json_as_downloaded(karlskoga, degerfors, örebro_county):
    document = {
        "count": 2,
        "values": [
            {
                "kpi": "N02904",
                "municipality": "1883",
                "period": 2023,
                "values": [
                    {"count": 1, "gender": "K", "status": "", "value": 14.2},
                    {"count": 1, "gender": "M", "status": "", "value": 13.0},
                    {"count": 1, "gender": "T", "status": "", "value": 13.6},
                ],
            },
            {
                "kpi": "N02904",
                "municipality": "0018",
                "period": 2023,
                "values": [{"count": 0, "gender": "T", "status": "Missing", "value": None}],
            },
        ],
        "next_page": None,
    }
    summary, run = do_import(json.dumps(document).encode(), fmt="kolada_json")
    assert summary.added == 4
    county = IndicatorValue.objects.get(area_code="18")
    assert (county.value, county.status, county.source) == (None, "missing", "Kolada")
    assert IndicatorValue.objects.get(area_code="1883", gender="K").value == 14.2
    assert run.format == "kolada_json"


def test_kolada_csv(karlskoga):
    data = b"kpi,municipality_id,period,gender,value,status\nN02904,1883,2022,T,12.9,\n"
    summary, _run = do_import(data, fmt="kolada_csv")
    assert summary.added == 1
    assert IndicatorValue.objects.get().indicator.code == "barn-ekonomiskt-utsatta"


def test_scb_jsonstat2(karlskoga, degerfors):
    indicator = Indicator.objects.get(code="barn-0-17")
    indicator.source_id = "BE0101N1"
    indicator.save()
    document = {
        "class": "dataset",
        "version": "2.0",
        "id": ["Region", "Kon", "ContentsCode", "Tid"],
        "size": [2, 2, 1, 2],
        "role": {"geo": ["Region"], "time": ["Tid"], "metric": ["ContentsCode"]},
        "dimension": {
            "Region": {"category": {"index": {"1883": 0, "1862": 1}}},
            "Kon": {"category": {"index": {"1": 0, "2": 1}}},
            "ContentsCode": {"category": {"index": {"BE0101N1": 0}}},
            "Tid": {"category": {"index": {"2022": 0, "2023": 1}}},
        },
        "value": [3100, 3150, 2950, 3000, 900, 910, None, 880],
        "status": {"6": ".."},
    }
    summary, _run = do_import(json.dumps(document).encode(), fmt="scb_json")
    assert summary.added == 8
    assert IndicatorValue.objects.get(area_code="1883", gender="K", year=2023).value == 3000
    assert IndicatorValue.objects.get(area_code="1862", gender="K", year=2022).status == "missing"


def test_scb_csv_for_a_chosen_indicator(karlskoga, degerfors):
    indicator = Indicator.objects.get(code="hushall-med-barn")
    data = (
        '"region","Andel hushåll med barn 2022","Andel hushåll med barn 2023"\n'
        '"1883 Karlskoga","11.4","11.2"\n"1862 Degerfors","10.1",".."\n'
    ).encode()
    summary, _run = do_import(data, fmt="scb_csv", indicator=indicator)
    assert summary.added == 4
    assert IndicatorValue.objects.get(area_code="1862", year=2023).status == "missing"


@pytest.mark.parametrize(
    ("data", "fmt", "expected"),
    [
        (b'{"values": [', "kolada_json", "1: Filen är inte giltig JSON"),
        (b'{"count": 0}', "kolada_json", "inte ett svar från Koladas API"),
        (
            template("barn-i-dialog;9999;2024;T;;1;"),
            "template",
            "2: Okänd kommun- eller länskod ”9999”",
        ),
        (
            b"kpi;municipality;period;gender;value\nX99999;1883;2024;T;1\n",
            "kolada_csv",
            "2: Okänd indikator ”X99999”",
        ),
        (template("barn-i-dialog;1883;2024;T;;tolv;"), "template", "2: Inte ett tal: ”tolv”"),
        (template("barn-i-dialog;1883;tjugo;T;;1;"), "template", "2: Inte ett årtal"),
        # PostgreSQL cannot store a NUL: refused for every database alike.
        (
            template("barn-i-dialog;1883;2024;T;0-5\x00;1;"),
            "template",
            "2: Inte en åldersgrupp: ”0-5\\x00”",
        ),
        (
            template("barn-i-dialog;1883;2024;T;;1;", "barn-i-dialog;1883;2024;T;;2;"),
            "template",
            "3: Samma siffra finns också på rad 2, med ett annat värde.",
        ),
        (b"nothing to see here\n", "template", "1: Första raden är inte en rubrikrad"),
        (b"indikator;kod\nbarn-i-dialog;1883\n", "template", "Kolumnen ”år” saknas"),
        (b"   \n", "template", "Filen är tom."),
    ],
)
def test_bad_input_is_refused_whole_with_a_clear_message(karlskoga, data, fmt, expected):
    valid_first = template("barn-i-dialog;1883;2023;T;;5;").decode() + "\n"
    if fmt == "template" and data.startswith(b"indikator;kod;"):
        data = valid_first.encode() + data.split(b"\n", 1)[1]
        expected = expected.replace("2: ", "3: ", 1).replace("3: Samma", "4: Samma")
        expected = expected.replace("rad 2", "rad 3")
    with pytest.raises(ImportFailed) as excinfo:
        do_import(data, fmt=fmt)
    assert any(expected in error for error in errors_of(excinfo)), errors_of(excinfo)
    assert not IndicatorValue.objects.exists()
    assert not ImportRun.objects.exists()


def test_duplicate_rows_with_the_same_value_are_one_figure(karlskoga):
    summary, _run = do_import(
        template("barn-i-dialog;1883;2024;T;;1;", "barn-i-dialog;1883;2024;T;;1,0;")
    )
    assert summary.added == 1


def test_unknown_areas_can_be_skipped_on_request(karlskoga):
    data = template("barn-i-dialog;1883;2024;T;;1;", "barn-i-dialog;0114;2024;T;;2;")
    summary, _run = do_import(data, skip_unknown_areas=True)
    assert (summary.added, summary.skipped) == (1, 1)


def test_national_figure_uses_code_0000(karlskoga):
    do_import(template("barn-i-dialog;0000;2024;T;;100000;"))
    assert IndicatorValue.objects.get().area_code == "0000"


def test_oversized_file_is_refused_before_reading(karlskoga, settings):
    settings.INDICATOR_IMPORT_MAX_BYTES = 100

    class Huge:
        size = 2 * 1024**3

        def read(self, *args):  # pragma: no cover - the point is that it is never called
            raise AssertionError("read before the size check")

        def seek(self, *args):  # pragma: no cover
            raise AssertionError("read before the size check")

    from indicators.imports.core import read_upload

    with pytest.raises(ImportFailed) as excinfo:
        read_upload(Huge())
    assert "för stor" in errors_of(excinfo)[0]


def test_error_list_is_capped_but_counts_the_rest(karlskoga):
    lines = [f"barn-i-dialog;1883;{1900 + n};T;;x{n};" for n in range(250)]
    with pytest.raises(ImportFailed) as excinfo:
        do_import(template(*lines))
    errors = errors_of(excinfo)
    assert len(errors) == 201
    assert "50 fler fel" in errors[-1]


def test_import_command_reports_summary_and_refuses_bad_files(karlskoga, tmp_path):
    from django.core.management import CommandError, call_command

    good = tmp_path / "good.csv"
    good.write_bytes(template("barn-i-dialog;1883;2024;T;;412;"))
    call_command("import_indicators", str(good), "--format", "template", "--organisation", "1883")
    assert IndicatorValue.objects.count() == 1
    bad = tmp_path / "bad.csv"
    bad.write_bytes(template("barn-i-dialog;1883;2025;T;;1;", "barn-i-dialog;1883;2026;T;;x;"))
    with pytest.raises(CommandError):
        call_command(
            "import_indicators", str(bad), "--format", "template", "--organisation", "1883"
        )
    assert IndicatorValue.objects.count() == 1
