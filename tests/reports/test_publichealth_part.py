"""The bokslut för folkhälsa och barnkonvention (issue 20, item 5): the child-rights part beside
a public-health part with the public-health plans by target area, their follow-up and the
health indicators' differences and trends, and the year's decisions per dimension of the
Checklista för hållbar utveckling (item 4)."""

import datetime

from indicators.models import Indicator, IndicatorValue
from planning import services as plans
from planning.models import ActionPlan
from publichealth.models import TargetArea
from reports.document import build_document, localised
from tests import world
from tests.reports.conftest import AS_OF, YEAR, decide


def document(report):
    return localised(build_document(report, as_of=AS_OF), "sv")


def section(report, key):
    return next(s for s in document(report)["sections"] if s["key"] == key)


def _programme(karlskoga, coordinator):
    programme = plans.create_plan(
        karlskoga,
        by=coordinator,
        kind=ActionPlan.Kind.PUBLIC_HEALTH_PROGRAMME,
        title="Folkhälsoprogrammet",
        start_year=YEAR - 1,
        end_year=YEAR + 2,
    )
    area = plans.add_area(programme, by=coordinator, title="Levnadsvanor")
    living = TargetArea.objects.get(number=6)
    goal = plans.add_goal(area, by=coordinator, title="Fler rör på sig", target_areas=[living])
    activity = plans.add_activity(
        goal,
        by=coordinator,
        title="Öppna idrottshallar",
        starts_on=datetime.date(YEAR, 1, 1),
        ends_on=datetime.date(YEAR, 12, 31),
        target_areas=[living],
    )
    plans.record_follow_up(
        activity,
        by=coordinator,
        period=str(YEAR),
        status="done",
        result="Hallarna öppna på fredagar.",
        effects_for_population="Fler unga vuxna tränar.",
        effects_for_children="Fler barn rör på sig.",
        goal_reached="yes",
    )
    return programme


def test_the_report_has_two_parts_and_the_plan_section_reads_child_rights_plans_only(
    report, karlskoga, coordinator
):
    _programme(karlskoga, coordinator)
    doc = document(report)
    assert [part["title"] for part in doc["parts"]] == ["Barnkonventionen", "Folkhälsa"]
    keys = {part["key"]: [s["key"] for s in part["sections"]] for part in doc["parts"]}
    assert "plan" in keys["child_rights"] and "decisions" in keys["child_rights"]
    assert keys["public_health"] == ["publichealth", "sustainability"]
    plan = next(s for s in doc["sections"] if s["key"] == "plan")
    assert plan["sentences"][0]["text"] == f"Ingen handlingsplan omfattade {YEAR}."


def test_the_public_health_part_reads_plans_target_areas_and_follow_ups(
    report, karlskoga, coordinator
):
    _programme(karlskoga, coordinator)
    part = section(report, "publichealth")
    texts = " ".join(s["text"] for s in part["sentences"])
    assert "följde Folkhälsoprogrammet (folkhälsoprogram)." in texts
    by_area = next(b for b in part["blocks"] if b["caption"].startswith("Folkhälsomål"))
    assert by_area["rows"][0][:3] == ["6. Levnadsvanor", "1", "1"]
    follow_up = next(b for b in part["blocks"] if b["caption"].startswith("Uppföljningen"))
    assert follow_up["rows"][0][3] == "Fler unga vuxna tränar."


def test_health_indicators_show_the_gap_between_women_and_men_and_the_trend(report, karlskoga):
    indicator = Indicator.objects.get(code="ohalsotal")
    rows = [("1883", YEAR - 6, "T", 30.0), ("1883", YEAR - 1, "T", 27.0)]
    rows += [("1883", YEAR - 1, "K", 33.0), ("1883", YEAR - 1, "M", 21.0)]
    rows += [("0000", YEAR - 1, "T", 22.0)]
    IndicatorValue.objects.bulk_create(
        IndicatorValue(indicator=indicator, area_code=a, year=y, gender=g, value=v)
        for a, y, g, v in rows
    )
    part = section(report, "publichealth")
    table = next(b for b in part["blocks"] if b["caption"] == "Hälsa och jämlikhet i siffror")
    karlskoga_row = next(
        r for r in table["rows"] if r[0].startswith("Ohälsotal") and r[1] == "Karlskoga kommun"
    )
    assert karlskoga_row[2:] == [str(YEAR - 1), *(f"{v} dagar" for v in (27, 33, 21, "+12", -3))]


def test_decisions_are_counted_per_dimension_and_effect(
    report, karlskoga, social_committee, case_officer, decision_maker
):
    checklist = world.shipped_version("sustainability-checklist")
    answers = {
        "children_affected": "no",
        "not_affected_reason": "Vuxenfråga",
        "public_health": "Bättre.",
        "public_health_effect": "positive",
        "public_health_target_areas": [6],
        "equality": "Lika.",
        "equality_effect": "none",
        "environment": "Mer trafik.",
        "environment_effect": "negative",
        "economy": "Ryms i budget.",
        "economy_effect": "none",
    }
    args = (karlskoga, social_committee, case_officer, decision_maker, checklist)
    decide(*args, "KS 1", answers=answers)
    decide(*args, "KS 2", answers=answers | {"public_health_effect": "negative"})
    part = section(report, "sustainability")
    assert part["sentences"][0]["text"].startswith(
        "Av de 2 besluten 2026 bedömdes 2 för folkhälsa, 2 för jämställdhet"
    )
    table = part["blocks"][0]
    assert table["rows"][0] == ["Folkhälsa", "2", "1", "1", "0", "0", "0"]
    areas = part["blocks"][-1]
    assert areas["rows"] == [["6. Levnadsvanor", "2"]]
