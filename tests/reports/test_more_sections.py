"""The sections from training, the child budget, the self-assessment and the indicators: their
figures equal the records, and a report leaves them out cleanly when there is nothing."""

import datetime
from decimal import Decimal

from indicators.models import Indicator, IndicatorValue
from planning import selfassessment_services as self_assessments
from reports.document import build_document, localised
from tests.reports.conftest import AS_OF, YEAR
from training import services as training


def section(report, key):
    doc = localised(build_document(report, as_of=AS_OF), "sv")
    return next(s for s in doc["sections"] if s["key"] == key)


def test_training_coverage_is_participants_over_headcount(report, karlskoga, social_committee):
    training.create_session(
        karlskoga,
        by=None,
        topic="Barnkonventionen",
        held_on=datetime.date(YEAR, 3, 1),
        format="digital",
        target_group="elected",
        body_counts={social_committee: 6},
    )
    training.set_headcounts(karlskoga, YEAR, by=None, counts={(social_committee, "elected"): 8})
    training.set_target(karlskoga, YEAR, 80, by=None)
    figures = build_document(report, as_of=AS_OF)["figures"]["training"]["total"]
    assert (figures["sessions"], figures["elected"]) == (1, 1)
    assert (figures["participants"], figures["headcount"], figures["coverage"]) == (6, 8, 75.0)
    texts = [s["text"] for s in section(report, "training")["sentences"]]
    assert "täckningsgrad på 75" in " ".join(texts)
    by_body = section(report, "training")["blocks"][-1]
    assert by_body["columns"][0] == "Organ"
    assert by_body["rows"] == [["Socialnämnden", "6", "8", "75"]]


def test_the_child_budget_share(report, karlskoga, social_committee):
    from childbudget import services as childbudget

    childbudget.create_budget(
        karlskoga,
        by=None,
        body=social_committee,
        year=YEAR,
        total_budget=Decimal("1000000"),
        method="estimate",
        children_amount=Decimal("250000"),
    )
    figures = build_document(report, as_of=AS_OF)["figures"]["childbudget"]["total"]
    assert (figures["total"], figures["children"], figures["share"]) == (1000000, 250000, 25.0)
    table = section(report, "childbudget")["blocks"][0]
    assert table["rows"][0][0] == "Socialnämnden" and table["rows"][0][3] == "25 %"


def test_the_self_assessment_beside_earlier_years(report, karlskoga):
    for year, level in ((YEAR - 1, 1), (YEAR, 3)):
        assessment = self_assessments.start_self_assessment(karlskoga, by=None, year=year)
        self_assessments.save_self_assessment(
            assessment,
            by=None,
            ratings={"budget": {"level": level}, "training": {"level": level - 1}},
        )
    figures = build_document(report, as_of=AS_OF)["figures"]["selfassessment"]["years"]
    assert figures[str(YEAR)]["budget"] == 3 and figures[str(YEAR - 1)]["budget"] == 1
    rendered = section(report, "selfassessment")
    table = next(b for b in rendered["blocks"] if b["kind"] == "table")
    assert table["columns"][1:] == [str(YEAR - 1), str(YEAR)]
    # Two of seven rated: the sentence says so rather than calling it the seven's mean.
    assert (
        "bedömdes 2 av de sju framgångsfaktorerna; deras medelnivå är 2"
        in (rendered["sentences"][0]["text"])
    )
    radar = rendered["blocks"][0]
    assert radar["kind"] == "chart" and 'id="report-radar' in radar["svg"]
    assert radar["columns"][1:] == [str(YEAR - 1), str(YEAR)]
    # The trend's table says what its rows are: years and mean levels (not groups and counts).
    title = "De bedömda faktorernas medelnivå per år"
    trend = next(b for b in rendered["blocks"] if b.get("title") == title)
    assert trend["columns"] == ["År", "Medelnivå (0–4)"]
    # Each year's mean is over its two rated factors, and its row says so.
    assert [row[0] for row in trend["rows"]] == [
        f"{YEAR - 1} (2 av 7 bedömda)",
        f"{YEAR} (2 av 7 bedömda)",
    ]


def test_indicators_beside_county_and_nation(report, karlskoga):
    indicator = Indicator.objects.filter(featured=True).order_by("code").first()
    Indicator.objects.exclude(pk=indicator.pk).update(featured=False)
    for area, value in ((karlskoga.scb_code, 12.5), (karlskoga.scb_code[:2], 10.0), ("0000", 9.0)):
        IndicatorValue.objects.create(
            indicator=indicator, area_code=area, year=YEAR - 1, gender="T", value=value
        )
    table = section(report, "indicators")["blocks"][0]
    assert table["rows"] == [[indicator.name_sv, "12,5 (2025)", "10 (2025)", "9 (2025)"]]
    # One year is not a line: the chart over the years waits for a second.
    assert len(section(report, "indicators")["blocks"]) == 1


def test_indicators_over_the_years_as_a_line_chart(report, karlskoga):
    from reports.raster import line_png

    indicator = Indicator.objects.filter(featured=True).order_by("code").first()
    Indicator.objects.exclude(pk=indicator.pk).update(featured=False)
    for year, own, nation in ((YEAR - 6, 1.0, 1.0), (YEAR - 1, 12.5, 9.0), (YEAR, 14.0, 9.5)):
        for area, value in ((karlskoga.scb_code, own), ("0000", nation)):
            IndicatorValue.objects.create(
                indicator=indicator, area_code=area, year=year, gender="T", value=value
            )
    chart = section(report, "indicators")["blocks"][1]
    assert chart["shape"] == "line" and "<svg" in chart["svg"]
    assert chart["columns"] == ["År", "Karlskoga kommun", "Riket"]
    # The five years up to the report's: the value from six years before is left out.
    assert chart["rows"] == [[str(YEAR - 1), "12,5", "9"], [str(YEAR), "14", "9,5"]]
    assert chart["series"][1] == ["Riket", [[YEAR - 1, 9.0], [YEAR, 9.5]]]
    assert line_png(chart).startswith(b"\x89PNG")


def test_sections_without_records_say_so(report):
    doc = localised(build_document(report, as_of=AS_OF), "sv")
    keys = {s["key"]: s for s in doc["sections"]}
    assert "Ingen självskattning" in keys["selfassessment"]["sentences"][0]["text"]
    assert "Ingen barnbudget" in keys["childbudget"]["sentences"][0]["text"]
