"""Every dimension of the Checklista för hållbar utveckling counts (issue 20, item 4): the
summary, the completeness check and the exports read them, and the export is titled after the
template used."""

import io

import pytest
from django.urls import reverse

from assessments import services
from assessments.completeness import completeness
from assessments.dimensions import dimension_answers
from assessments.summary import generate_summary
from tests import world

DIMENSION_ANSWERS = {
    "children_affected": "no",
    "not_affected_reason": "Ärendet gäller vuxna.",
    "public_health": "Fler mötesplatser ger bättre psykisk hälsa.",
    "public_health_effect": "positive",
    "public_health_target_areas": [5, 7],
    "equality": "Kvinnor och män får samma tillgång.",
    "equality_effect": "none",
    "environment": "Mer biltrafik.",
    "environment_effect": "negative",
    "economy": "Kostar 2 miljoner kronor.",
    "economy_effect": "mixed",
}


@pytest.fixture
def checklist(db):
    return world.shipped_version("sustainability-checklist")


@pytest.fixture
def checklist_case(case, case_officer, checklist):
    assessment = services.start_assessment(case, by=case_officer, version=checklist)
    services.save_answers(
        assessment,
        by=case_officer,
        answers=DIMENSION_ANSWERS,
        expected_version=assessment.lock_version,
    )
    case.refresh_from_db()
    return case


def test_the_checklist_asks_each_dimension_with_its_effect(checklist):
    entries = dimension_answers(checklist.sections, DIMENSION_ANSWERS)
    assert [e.key for e in entries] == [
        "public_health",
        "gender_equality",
        "ecological",
        "economic",
    ]
    assert all(e.asks_effect and e.answered for e in entries)
    assert entries[0].target_areas == [5, 7]
    assert [e.effect for e in entries] == ["positive", "none", "negative", "mixed"]


def test_the_first_versions_free_text_counts_by_its_key():
    sections = [
        {
            "key": "social",
            "questions": [
                {"key": "public_health", "kind": "free_text", "text": {"sv": "Folkhälsa"}},
                {"key": "economy", "kind": "free_text", "text": {"sv": "Ekonomi"}},
            ],
        }
    ]
    entries = dimension_answers(sections, {"public_health": "Bra.", "economy": ""})
    assert [(e.key, e.answered) for e in entries] == [
        ("public_health", True),
        ("economic", False),
    ]


def test_the_summary_names_every_dimension_and_the_target_areas(case, checklist):
    text = generate_summary(case, DIMENSION_ANSWERS, checklist.sections)
    assert "Folkhälsa (bedömd påverkan: positiv): Fler mötesplatser" in text
    assert "Ekologi (bedömd påverkan: negativ): Mer biltrafik." in text
    assert "Ekonomi (bedömd påverkan: både positiv och negativ)" in text
    assert "5. " in text and "7. " in text
    assert text.startswith("Bedömningen är att ärendet inte berör barn.")


def test_a_dimension_left_blank_is_missing_from_the_basis(checklist):
    answers = {**DIMENSION_ANSWERS, "economy": "", "environment_effect": ""}
    missing = {c.key for c in completeness(checklist.sections, answers) if c.applies and not c.ok}
    assert missing == {"dimension_ecological", "dimension_economic"}


def test_the_summary_follows_the_dimension_answers(checklist_case):
    summary = checklist_case.assessment.summary
    assert "Jämställdhet (bedömd påverkan: ingen påverkan)" in summary


def test_exports_are_titled_after_the_template_and_show_the_dimensions(
    case_officer_client, checklist_case
):
    from docx import Document

    url = reverse("assessments:assessment_download", args=[checklist_case.pk, "docx"])
    document = Document(io.BytesIO(case_officer_client.get(url).content))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Checklista för hållbar utveckling"
    assert "Hållbarhetsdimensioner" in texts
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert {"Folkhälsa", "positiv", "Mer biltrafik."} <= cells

    page = case_officer_client.get(
        reverse("assessments:assessment_print", args=[checklist_case.pk])
    )
    html = page.content.decode()
    assert "<h1>Checklista för hållbar utveckling</h1>" in html
    assert "Prövning av barnets bästa" not in html.split("<h1>")[1].split("</h1>")[0]
