"""The yearly account's "who was heard" table: answers online by age band and gender beside
the population, small groups hidden, each row linked for staff to the year's page."""

import datetime

from django.urls import reverse

from organisations import services as org_services
from participation import services as participation
from reports.document import build_document, localised
from tests.reports.conftest import AS_OF


def answered(karlskoga, dialogue_leader, ages_and_genders):
    consultation = participation.create_consultation(
        karlskoga,
        by=dialogue_leader,
        title="Parken",
        introduction="Tyck till",
        age_bands=["6-12", "13-17"],
        ask_gender=True,
        opens_on=datetime.date(2026, 3, 1),
    )
    question = participation.add_question(consultation, by=dialogue_leader, kind="text", text="?")
    participation.open_consultation(consultation, by=dialogue_leader)
    for index, (age, gender) in enumerate(ages_and_genders):
        participation.submit_response(
            consultation,
            submission_key=f"k{index}",
            age_band=age,
            gender=gender,
            answers={question.pk: "Gungor"},
            today=datetime.date(2026, 3, 2),
        )
    return consultation


def heard_table(report):
    document = localised(build_document(report, as_of=AS_OF, staff_links=True), "sv")
    section = next(s for s in document["sections"] if s["key"] == "participation")
    return next(b for b in section["blocks"] if b.get("caption", "").startswith("Vilka som"))


def test_the_table_sets_answers_beside_the_population(report, karlskoga, dialogue_leader):
    for band, girls, boys in (("6-12", 300, 300), ("13-17", 100, 100)):
        org_services.add_population_by_age(
            karlskoga,
            by=None,
            year=2025,
            age_band=band,
            total=girls + boys,
            girls=girls,
            boys=boys,
            source="Demo – påhittade värden",
        )
    answered(karlskoga, dialogue_leader, [("6-12", "girl")] * 6 + [("13-17", "boy")] * 6)
    table = heard_table(report)
    assert table["caption"] == "Vilka som hördes 2026"
    assert table["columns"][3] == "Andel av befolkningen 2025"
    rows = {row[0]: row[1:] for row in table["rows"]}
    assert rows["6–12 år"] == ["6", "50 %", "75 %"]
    assert rows["13–17 år"] == ["6", "50 %", "25 %"]
    assert rows["Tjej"] == ["6", "50 %", "50 %"]
    assert rows["Annat"] == ["0", "0 %", "–"]
    link = reverse("participation:who_was_heard", args=[karlskoga.pk]) + "?year=2026"
    assert table["cell_links"] == [[link] * 3] * len(table["rows"])


def test_small_groups_are_hidden_in_the_table(report, karlskoga, dialogue_leader):
    answered(karlskoga, dialogue_leader, [("6-12", "girl")] * 7 + [("13-17", "girl")] * 2)
    figures = build_document(report, as_of=AS_OF)["figures"]["participation"]["total"]["heard"]
    # 13–17 has two: hidden as small; 6–12 hidden with it, or the total would give it away.
    assert [row[:3] for row in figures["age"]] == [["6-12", None, False], ["13-17", None, True]]
    rows = {row[0]: row[1:] for row in heard_table(report)["rows"]}
    assert rows["13–17 år"][0] == "färre än 5"
    assert rows["6–12 år"][0] == "visas inte"
    assert rows["Tjej"][0] == "9"
