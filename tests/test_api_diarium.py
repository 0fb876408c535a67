"""What a diarium needs from the case API: the assessment as PDF and Word for the case file
(the same files as the case page gives, the token's organisation only), and `updated_since`
for an incremental sync that also sees changes to the assessment."""

import datetime
import io
import subprocess

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from api import services as token_services
from assessments import services as case_services
from assessments.models import Assessment, Case
from tests import world
from tests.pdf_checks import assert_tagged_pdf

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _client(organisation):
    _token, key = token_services.create_token(organisation, by=None, name="Diariet")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def api(karlskoga):
    return _client(karlskoga)


def test_the_assessment_downloads_as_a_tagged_pdf_with_its_text(
    api, submitted_assessment, tmp_path
):
    case = submitted_assessment.case
    response = api.get(reverse("api:assessment_pdf", args=[case.pk]), HTTP_ACCEPT="application/pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="barnets-basta-sn-20261.pdf"'
    assert response["Last-Modified"]
    data = b"".join(response.streaming_content) if response.streaming else response.content
    assert_tagged_pdf(data, tmp_path)
    path = tmp_path / "assessment.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert case.case_number in text and case.title in text


def test_the_assessment_downloads_as_a_word_file_python_docx_opens(api, submitted_assessment):
    from docx import Document

    case = submitted_assessment.case
    response = api.get(reverse("api:assessment_docx", args=[case.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    document = Document(io.BytesIO(response.content))
    assert document.core_properties.title == f"{case.case_number} {case.title}"
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    text = "\n".join([p.text for p in document.paragraphs] + cells)
    assert case.title in text and "Prövning av barnets bästa" in text


def test_the_files_are_the_same_as_the_case_pages(api, submitted_assessment, case_officer_client):
    case = submitted_assessment.case
    from_api = api.get(reverse("api:assessment_docx", args=[case.pk]))
    from_page = case_officer_client.get(
        reverse("assessments:assessment_download", args=[case.pk, "docx"])
    )
    assert from_page.status_code == 200
    assert from_api["Content-Disposition"] == from_page["Content-Disposition"]


@pytest.mark.parametrize("name", ["api:assessment_pdf", "api:assessment_docx"])
def test_another_organisations_token_gets_404(name, submitted_assessment, degerfors):
    url = reverse(name, args=[submitted_assessment.case.pk])
    response = _client(degerfors).get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    # Asked for the file's type, the refusal is still JSON and says so.
    kind = "application/pdf" if name.endswith("pdf") else DOCX
    response = _client(degerfors).get(url, HTTP_ACCEPT=kind)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


@pytest.mark.parametrize("name", ["api:assessment_pdf", "api:assessment_docx"])
def test_a_case_without_assessment_or_no_case_gets_404(name, api, case):
    assert api.get(reverse(name, args=[case.pk])).status_code == 404
    assert api.get(reverse(name, args=[case.pk + 1000])).status_code == 404


@pytest.mark.parametrize("name", ["api:assessment_pdf", "api:assessment_docx"])
def test_an_empty_or_unknown_format_parameter_is_refused(name, api, submitted_assessment):
    url = reverse(name, args=[submitted_assessment.case.pk])
    assert api.get(url).status_code == 200
    assert api.get(url, {"format": ""}).status_code == 404
    assert api.get(url, {"format": "xml"}).status_code == 404


def test_without_a_token_the_files_are_refused(client, submitted_assessment):
    response = client.get(reverse("api:assessment_pdf", args=[submitted_assessment.case.pk]))
    assert response.status_code == 401


def _ids(response):
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def _moved(model, pk, moment):
    model.objects.filter(pk=pk).update(updated_at=moment)


def test_updated_since_finds_changed_cases_and_changed_assessments(
    api, assessment, social_committee, case_officer, karlskoga
):
    long_ago = timezone.now() - datetime.timedelta(days=30)
    quiet = case_services.create_case(
        karlskoga, by=case_officer, body=social_committee, case_number="SN 2026/2", title="Lugn"
    )
    changed = case_services.create_case(
        karlskoga, by=case_officer, body=social_committee, case_number="SN 2026/3", title="Ny"
    )
    for pk in (quiet.pk, changed.pk, assessment.case_id):
        _moved(Case, pk, long_ago)
    _moved(Assessment, assessment.pk, long_ago)
    since = timezone.now() - datetime.timedelta(days=1)
    url = reverse("api:case_list")
    assert _ids(api.get(url, {"updated_since": since.isoformat()})) == set()

    case_services.update_case(changed, by=case_officer, title="Ny lekplats")
    case_services.save_answers(
        assessment,
        by=case_officer,
        answers={"children_affected": "yes"},
        expected_version=assessment.lock_version,
    )
    found = _ids(api.get(url, {"updated_since": since.isoformat()}))
    assert found == {changed.pk, assessment.case_id}
    assert quiet.pk not in found
    # The time the diarium sends back, with its offset, as the list shows it.
    row = api.get(reverse("api:case_detail", args=[changed.pk])).json()
    assert datetime.datetime.fromisoformat(row["updated_at"]) >= since


def test_a_change_is_stamped_when_the_service_saves_it(case, case_officer):
    before = Case.objects.get(pk=case.pk).updated_at
    _moved(Case, case.pk, before - datetime.timedelta(hours=1))
    case.refresh_from_db()
    case_services.update_case(case, by=case_officer, title="Ny parklek vid skolan")
    assert Case.objects.get(pk=case.pk).updated_at > before - datetime.timedelta(minutes=1)


def test_updated_since_sees_only_the_tokens_organisation(api, degerfors, degerfors_committee):
    officer = world.make_member(degerfors, "degerfors_officer", "case_officer")
    other = case_services.create_case(
        degerfors, by=officer, body=degerfors_committee, case_number="BN 1", title="Annan"
    )
    found = _ids(api.get(reverse("api:case_list"), {"updated_since": "2000-01-01T00:00:00Z"}))
    assert other.pk not in found


@pytest.mark.parametrize("value", ["igår", "2026-13-01T00:00:00Z", ""])
def test_a_malformed_updated_since_is_refused(api, value, db):
    response = api.get(reverse("api:case_list"), {"updated_since": value})
    assert response.status_code == 400
    assert "updated_since" in response.json()


def test_the_schema_documents_the_filter_and_the_files(api):
    schema = api.get(reverse("api:schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    text = schema.content.decode()
    assert "updated_since" in text
    assert "/api/v1/cases/{id}/assessment.pdf" in text
    assert "/api/v1/cases/{id}/assessment.docx" in text


def test_an_offset_postgresql_cannot_hold_is_read_in_utc(api, case):
    # Python reads +19:50 (ISO 8601 allows it); PostgreSQL refuses offsets past ±15:59.
    response = api.get(reverse("api:case_list"), {"updated_since": "0664-12-28T16:11:35+19:50"})
    assert response.status_code == 200
    assert case.pk in _ids(response)


def test_a_time_that_utc_cannot_hold_is_refused(api, db):
    response = api.get(reverse("api:case_list"), {"updated_since": "0001-01-01T00:00:00+05:00"})
    assert response.status_code == 400
