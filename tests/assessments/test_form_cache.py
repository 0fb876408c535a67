"""The assessment form keeps its drawn fields in the cache, keyed on a digest of the questions,
the saved answers and the fields' choices: what is saved or renamed shows at once, and a
posted form is always drawn anew."""

from django.urls import reverse

from assessments import services
from publichealth.models import TargetArea
from tests import world

TEXT = "Lekplatsen flyttas närmare skolan"


def form_page(client, assessment):
    response = client.get(reverse("assessments:assessment_edit", args=[assessment.case_id]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_saved_answer_shows_at_once(case_officer_client, assessment, case_officer):
    assert TEXT not in form_page(case_officer_client, assessment)
    services.save_answers(
        assessment,
        by=case_officer,
        answers={"children_affected": "yes", "facts": TEXT},
        expected_version=assessment.lock_version,
    )
    page = form_page(case_officer_client, assessment)
    assert TEXT in page
    assert 'id="id_children_affected_0" checked' in page


def test_a_refused_save_shows_what_was_posted_not_the_drawn_fields(
    case_officer_client, coordinator, assessment
):
    services.save_answers(
        assessment, by=coordinator, answers={"children_affected": "no"}, expected_version=1
    )
    # Drawn and kept with the saved "no".
    assert 'id="id_children_affected_1" checked' in form_page(case_officer_client, assessment)
    response = case_officer_client.post(
        reverse("assessments:assessment_edit", args=[assessment.case_id]),
        {"lock_version": 1, "action": "save", "children_affected": "yes", "summary": ""},
    )
    content = response.content.decode()
    assert 'id="id_children_affected_0" checked' in content
    assert 'id="id_children_affected_1" checked' not in content


def test_a_renamed_target_area_shows_at_once(case_officer_client, case, case_officer):
    version = world.shipped_version("sustainability-checklist")
    assessment = services.start_assessment(case, by=case_officer, version=version)
    area = TargetArea.objects.order_by("number").first()
    assert area.name_sv in form_page(case_officer_client, assessment)
    TargetArea.objects.filter(pk=area.pk).update(name_sv="Nytt namn på målområdet")
    assert "Nytt namn på målområdet" in form_page(case_officer_client, assessment)
