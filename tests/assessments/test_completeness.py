"""What the basis lacks, following Barnombudsmannen's questions to the decision-maker."""

from assessments.completeness import completeness, is_complete
from tests.conftest import FULL_ANSWERS


def missing(sections, answers):
    return [
        check.key for check in completeness(sections, answers) if check.applies and not check.ok
    ]


def test_nothing_answered_lacks_everything_but_measures(standard_version):
    assert missing(standard_version.sections, {}) == [
        "children_identified",
        "articles_identified",
        "knowledge_mapped",
        "children_heard",
        "best_interests_weighed",
        "feedback_planned",
    ]


def test_full_answers_are_complete(standard_version):
    assert is_complete(standard_version.sections, FULL_ANSWERS)


def test_not_affected_with_a_reason_is_complete(standard_version):
    answers = {"children_affected": "no", "not_affected_reason": "Gäller internt IT-stöd"}
    assert is_complete(standard_version.sections, answers)
    assert [c.key for c in completeness(standard_version.sections, answers) if c.applies] == [
        "children_identified"
    ]


def test_not_affected_without_a_reason_is_incomplete(standard_version):
    assert missing(standard_version.sections, {"children_affected": "no"}) == [
        "children_identified"
    ]


def test_children_not_heard_needs_a_reason_why(standard_version):
    answers = {k: v for k, v in FULL_ANSWERS.items() if k not in ("how_heard", "views_summary")}
    answers["children_heard"] = "no"
    assert missing(standard_version.sections, answers) == ["children_heard"]
    answers["why_not_heard"] = "Ingen tid före beslut; dialog planeras"
    assert is_complete(standard_version.sections, answers)


def test_going_against_best_interests_needs_measures(standard_version):
    answers = FULL_ANSWERS | {"against_best_interests": "yes"}
    assert missing(standard_version.sections, answers) == ["compensating_measures"]
    answers |= {"reasons_against": "Budget", "compensating_measures": "Tillfällig lekplats"}
    assert is_complete(standard_version.sections, answers)


def test_screening_only_template_cannot_carry_an_affected_case(screening_version):
    answers = {"children_affected": "yes", "child_groups": ["age_0_5"]}
    assert "full_assessment" in missing(screening_version.sections, answers)


def test_checklist_opens_the_full_assessment_when_children_are_affected(db):
    from assessments.models import TemplateVersion

    checklist = TemplateVersion.objects.get(template__key="sustainability-checklist")
    keys = ("public_health", "equality", "environment", "economy")
    dimensions = dict.fromkeys(keys, "Beskrivet.") | {f"{key}_effect": "none" for key in keys}
    answers = {"children_affected": "no", "not_affected_reason": "x", **dimensions}
    assert missing(checklist.sections, answers) == []
    assert "articles_identified" in missing(checklist.sections, {"children_affected": "yes"})


def test_criteria_made_once_check_many_answers_as_a_fresh_check_does(standard_version):
    # The yearly report makes one Criteria per template version and checks every decision's
    # answers with it: a check must not depend on the ones before it.
    from assessments.completeness import Criteria

    criteria = Criteria(standard_version.sections)
    samples = [
        FULL_ANSWERS,
        {},
        {"children_affected": "no", "not_affected_reason": "Internt"},
        {"children_affected": "unknown"},
        FULL_ANSWERS | {"children_heard": "no"},
        FULL_ANSWERS,
    ]
    for answers in samples:
        assert criteria.is_complete(answers) == is_complete(standard_version.sections, answers)
        assert criteria.checks(answers) == completeness(standard_version.sections, answers)
