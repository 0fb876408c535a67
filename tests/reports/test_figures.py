"""The report's figures equal what the records say, per organisation and in total."""

import datetime

from django.apps import apps

from assessments import services as case_services
from participation import services as participation
from reports import sections, services
from reports.document import build_document, localised
from tests.reports.conftest import AS_OF, FULL_ANSWERS, YEAR, decide


def test_decision_figures_equal_the_records(report, cases_2026):
    figures = build_document(report, as_of=AS_OF)["figures"]["decisions"]["total"]
    assert figures["decided"] == 3  # SN 4 was decided in 2025
    assert figures["screened"] == 3
    assert figures["affecting"] == 2
    assert figures["full_assessment"] == 2
    assert figures["children_heard"] == 1
    assert figures["follows"] == 1
    assert figures["against"] == 1
    assert figures["follow_up_overdue"] == 1
    assert figures["follow_up_done"] == 0


def test_a_follow_up_done_is_counted_as_done(report, cases_2026, case_officer):
    case_services.record_follow_up(
        cases_2026[0], by=case_officer, notes="Klart", done_on=datetime.date(2026, 10, 1)
    )
    figures = build_document(report, as_of=AS_OF)["figures"]["decisions"]["total"]
    assert (figures["follow_up_done"], figures["follow_up_overdue"]) == (1, 0)


def test_decisions_against_the_best_interests_are_listed_with_their_reasons(report, cases_2026):
    doc = localised(build_document(report, as_of=AS_OF), "sv")
    decisions = next(s for s in doc["sections"] if s["key"] == "decisions")
    against = next(b for b in decisions["blocks"] if b.get("caption", "").startswith("Beslut mot"))
    assert against["rows"] == [["SN 2", "Socialnämnden", "Budgeten räckte inte"]]
    # A public report names no case by its title: a title can point to a child.
    assert "Ärende SN 2" not in str(build_document(report, as_of=AS_OF))


def test_sentences_say_the_figures_in_swedish_and_english(report, cases_2026):
    document = build_document(report, as_of=AS_OF)
    sv = localised(document, "sv")["sections"][0]["sentences"]
    en = localised(document, "en")["sections"][0]["sentences"]
    assert sv[0] == {
        "id": "decisions.decided",
        "text": "Under 2026 beslutades 3 ärenden.",
        "generated": "Under 2026 beslutades 3 ärenden.",
        "overridden": False,
    }
    assert en[0]["text"] == "In 2026, 3 cases were decided."


def test_joint_report_shows_each_organisation_and_the_total(
    karlskoga,
    degerfors,
    joint_committee,
    coordinator,
    cases_2026,
    degerfors_committee,
    standard_version,
):
    from organisations import services as org_services
    from organisations.roles import Role
    from tests.conftest import make_user

    officer, decider = make_user("d_officer"), make_user("d_decider")
    org_services.add_member(degerfors, by=None, user=officer, role=Role.CASE_OFFICER)
    org_services.add_member(degerfors, by=None, user=decider, role=Role.DECISION_MAKER)
    decide(
        degerfors,
        degerfors_committee,
        officer,
        decider,
        standard_version,
        "KS 1",
        answers=FULL_ANSWERS,
    )
    report = services.create_report(karlskoga, by=coordinator, year=YEAR, body=joint_committee)
    document = build_document(report, as_of=AS_OF)
    decisions = document["figures"]["decisions"]
    assert decisions["organisations"][str(karlskoga.pk)]["decided"] == 3
    assert decisions["organisations"][str(degerfors.pk)]["decided"] == 1
    assert decisions["total"]["decided"] == 4
    table = localised(document, "sv")["sections"][0]["blocks"][0]
    assert table["columns"] == ["Uppgift", "Karlskoga kommun", "Degerfors kommun", "Totalt"]
    assert table["rows"][0][1:] == ["3", "1", "4"]


def test_small_groups_of_children_are_not_shown(report, karlskoga, dialogue_leader):
    consultation = participation.create_consultation(
        karlskoga,
        by=dialogue_leader,
        title="Parken",
        introduction="Tyck till",
        age_bands=["6-12", "13-17"],
        opens_on=datetime.date(2026, 3, 1),
    )
    question = participation.add_question(consultation, by=dialogue_leader, kind="text", text="?")
    participation.open_consultation(consultation, by=dialogue_leader)
    for index in range(8):
        participation.submit_response(
            consultation,
            submission_key=f"k{index}",
            age_band="6-12" if index < 6 else "13-17",
            answers={question.pk: "Gungor"},
            today=datetime.date(2026, 3, 2),
        )
    figures = build_document(report, as_of=AS_OF)["figures"]["participation"]["total"]
    assert figures["responses"] == 8
    assert figures["consultations"] == 1
    # 2 aged 13–17 is too few; 6–12 is hidden with it, or the total would give it away.
    assert figures["by_age"] == {"6-12": None, "13-17": None}


def test_a_section_whose_app_is_missing_is_left_out(report, monkeypatch):
    real = apps.get_model

    def without_planning(label, *args, **kwargs):
        if str(label).startswith("planning."):
            raise LookupError(label)
        return real(label, *args, **kwargs)

    monkeypatch.setattr(sections.apps, "get_model", without_planning)
    document = build_document(report, as_of=AS_OF)
    assert "plan" not in document["figures"]
    assert "decisions" in document["figures"]
    keys = [s["key"] for s in localised(document, "sv")["sections"]]
    assert "plan" not in keys


def test_plan_figures_count_the_years_activities_and_follow_ups(report, karlskoga, coordinator):
    from planning import services as planning

    plan = planning.create_plan(
        karlskoga, by=coordinator, title="Plan", start_year=2026, end_year=2027
    )
    goal = planning.add_goal(
        planning.add_area(plan, by=coordinator, title="Delaktighet"), by=coordinator, title="Mål"
    )
    first = planning.add_activity(
        goal,
        by=coordinator,
        title="A",
        status="done",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 6, 1),
    )
    planning.add_activity(
        goal,
        by=coordinator,
        title="B",
        starts_on=datetime.date(2027, 1, 1),
        ends_on=datetime.date(2027, 6, 1),
    )
    planning.record_follow_up(
        first, by=coordinator, period="2026", status="done", result="Genomfört", goal_reached="yes"
    )
    figures = build_document(report, as_of=AS_OF)["figures"]["plan"]
    assert figures["total"]["activities"] == 1  # B belongs to 2027
    assert figures["total"]["status_done"] == 1
    assert figures["total"]["goal_yes"] == 1
    assert figures["comments"][0]["result"] == "Genomfört"
