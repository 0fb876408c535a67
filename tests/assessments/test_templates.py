"""Templates are data, versioned: a published version never changes; three are shipped."""

import pytest

from assessments.models import AssessmentTemplate, TemplateVersion
from assessments.questions import KINDS, iter_questions


def test_three_templates_are_shipped_and_published(db):
    keys = set(AssessmentTemplate.objects.filter(organisation=None).values_list("key", flat=True))
    assert keys == {"standard", "sustainability-checklist", "screening"}
    assert all(v.is_published for v in TemplateVersion.objects.all())


def test_standard_template_has_barnombudsmannens_seven_parts(standard_version):
    assert len(standard_version.sections) == 7


def test_every_shipped_question_has_a_known_kind_and_both_languages(db):
    for version in TemplateVersion.objects.all():
        for _section, question in iter_questions(version.sections):
            assert question["kind"] in KINDS
            assert question["text"]["sv"] and question["text"]["en"]


def test_a_published_version_never_changes(standard_version):
    standard_version.sections = []
    with pytest.raises(PermissionError):
        standard_version.save()


def test_an_assessment_keeps_its_version(assessment, standard_version):
    TemplateVersion.objects.create(
        template=standard_version.template, number=2, status="published", sections=[]
    )
    assessment.refresh_from_db()
    assert assessment.template_version == standard_version


def test_shipped_templates_are_visible_to_every_organisation(outsider, coordinator):
    assert AssessmentTemplate.objects.visible_to(outsider).count() == 3
    assert AssessmentTemplate.objects.visible_to(coordinator).count() == 3
