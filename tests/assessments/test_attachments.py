"""Uploads are checked by content and size, ZIP bombs are refused unopened, names never become
paths, and only those who see the case can download."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments.models import Attachment
from core.models import AuditEntry

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(client, case, name, content, title="Bilaga"):
    return client.post(
        reverse("assessments:attachment_add", args=[case.pk]),
        {"title": title, "file": SimpleUploadedFile(name, content)},
    )


def docx_bytes(extra=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_pdf_is_attached_under_a_generated_name(case_officer_client, case, tmp_path):
    response = upload(case_officer_client, case, "../../etc/passwd.pdf", PDF)
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.original_name == "passwd.pdf"
    assert ".." not in attachment.file.name
    assert attachment.file.name.startswith(f"attachments/{case.organisation_id}/")
    assert attachment.content_type == "application/pdf"
    assert AuditEntry.objects.for_object(attachment).filter(action="create").exists()


def test_a_word_file_is_accepted(case_officer_client, case):
    upload(case_officer_client, case, "underlag.docx", docx_bytes())
    assert Attachment.objects.get().content_type.endswith("wordprocessingml.document")


def test_html_pretending_to_be_a_pdf_is_refused(case_officer_client, case):
    response = upload(
        case_officer_client, case, "rapport.pdf", b"<html><script>alert(1)</script></html>"
    )
    assert response.status_code == 200
    assert "kan inte bifogas" in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_zip_bomb_is_refused_before_unpacking(case_officer_client, case):
    bomb = docx_bytes({"word/media/zeros.bin": b"\0" * (30 * 1024 * 1024)})
    assert len(bomb) < 100_000
    response = upload(case_officer_client, case, "bomb.docx", bomb)
    assert "packas upp" in response.content.decode()
    assert not Attachment.objects.exists()


def test_too_large_a_file_is_refused(case_officer_client, case, settings):
    settings.BARNRATT_MAX_UPLOAD_BYTES = 100
    response = upload(case_officer_client, case, "stor.pdf", PDF + b"0" * 200)
    assert "för stor" in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_link_can_be_attached(case_officer_client, case):
    case_officer_client.post(
        reverse("assessments:attachment_add", args=[case.pk]),
        {"title": "Kommunens sida", "url": "https://example.org/beslut"},
    )
    assert Attachment.objects.get().url == "https://example.org/beslut"


def test_download_keeps_the_users_name_and_scope(case_officer_client, outsider, case):
    from django.test import Client

    upload(case_officer_client, case, "Underlag 2026.pdf", PDF)
    attachment = Attachment.objects.get()
    url = reverse("assessments:attachment_download", args=[attachment.pk])
    response = case_officer_client.get(url)
    assert b"".join(response.streaming_content) == PDF
    assert 'filename="Underlag_2026.pdf"' in response["Content-Disposition"]
    stranger = Client()
    stranger.force_login(outsider)
    assert stranger.get(url).status_code == 404


def test_removing_an_attachment_deletes_the_file(
    case_officer_client, case, django_capture_on_commit_callbacks
):
    upload(case_officer_client, case, "a.pdf", PDF)
    attachment = Attachment.objects.get()
    storage, name = attachment.file.storage, attachment.file.name
    with django_capture_on_commit_callbacks(execute=True):
        case_officer_client.post(reverse("assessments:attachment_delete", args=[attachment.pk]))
    assert not Attachment.objects.exists()
    assert not storage.exists(name)
