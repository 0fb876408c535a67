"""Documents of a network meeting: uploaded under the same rules as every attachment, listed on
the meeting's page, downloaded by the network's members only, removed with an audit entry."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import AuditEntry
from networks import services
from networks.models import MeetingDocument
from tests.security.test_hostile_imports import FILE_NAMES

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(client, meeting, name, content, title="Dagordning"):
    return client.post(
        reverse("networks:meeting_document_add", args=[meeting.pk]),
        {"title": title, "file": SimpleUploadedFile(name, content)},
    )


def test_convener_uploads_and_every_member_downloads(client, coordinator, outsider, meeting):
    client.force_login(coordinator)
    response = upload(client, meeting, "../../dagordning.pdf", PDF)
    assert response.status_code == 302
    document = MeetingDocument.objects.get()
    assert (document.original_name, document.content_type) == ("dagordning.pdf", "application/pdf")
    assert ".." not in document.file.name
    assert document.file.name.startswith(f"network-meetings/{meeting.organisation_id}/")
    assert AuditEntry.objects.for_object(document).get().action == "create"

    client.force_login(outsider)  # Degerfors, a member of the network
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert document.get_absolute_url() in page
    assert reverse("networks:meeting_document_delete", args=[document.pk]) not in page
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert 'filename="dagordning.pdf"' in response["Content-Disposition"]


def test_non_members_get_404(client, coordinator, stranger, meeting):
    document = services.add_meeting_document(
        meeting, by=coordinator, title="Minnes", uploaded=SimpleUploadedFile("m.pdf", PDF)
    )
    client.force_login(stranger)
    assert client.get(document.get_absolute_url()).status_code == 404
    delete = reverse("networks:meeting_document_delete", args=[document.pk])
    assert client.post(delete).status_code == 404
    assert upload(client, meeting, "x.pdf", PDF).status_code == 404
    assert MeetingDocument.objects.count() == 1


def test_only_the_conveners_managers_add_and_remove(client, outsider, case_officer, meeting):
    for user in (outsider, case_officer):
        client.force_login(user)
        assert upload(client, meeting, "x.pdf", PDF).status_code == 403
    assert not MeetingDocument.objects.exists()


def test_removal_is_audited_and_the_file_goes(
    coordinator_client, coordinator, meeting, django_capture_on_commit_callbacks
):
    document = services.add_meeting_document(
        meeting, by=coordinator, title="Minnes", uploaded=SimpleUploadedFile("m.pdf", PDF)
    )
    storage, name, pk = document.file.storage, document.file.name, document.pk
    delete = reverse("networks:meeting_document_delete", args=[document.pk])
    assert coordinator_client.get(delete).status_code == 200  # a confirmation page
    with django_capture_on_commit_callbacks(execute=True):
        assert coordinator_client.post(delete).status_code == 302
    assert not MeetingDocument.objects.exists()
    assert not storage.exists(name)
    entries = AuditEntry.objects.filter(object_id=str(pk), content_type__model="meetingdocument")
    assert entries.filter(action="delete", actor=coordinator).exists()


def test_deleting_the_meeting_removes_its_documents_through_the_service(
    coordinator, meeting, django_capture_on_commit_callbacks
):
    document = services.add_meeting_document(
        meeting, by=coordinator, title="Minnes", uploaded=SimpleUploadedFile("m.pdf", PDF)
    )
    storage, name = document.file.storage, document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_meeting(meeting, by=coordinator)
    assert not storage.exists(name)
    assert AuditEntry.objects.filter(
        content_type__model="meetingdocument", object_id=str(document.pk), action="delete"
    ).exists()


def test_html_pretending_to_be_a_pdf_and_hostile_names_are_handled(coordinator_client, meeting):
    response = upload(coordinator_client, meeting, "rapport.pdf", b"<html><script>x</script>")
    assert response.status_code == 200
    assert "kan inte bifogas" in response.content.decode()
    assert not MeetingDocument.objects.exists()
    for name in FILE_NAMES:
        assert upload(coordinator_client, meeting, name[:100], PDF).status_code == 302
    for document in MeetingDocument.objects.all():
        assert "/" not in document.original_name and "\\" not in document.original_name
        assert "<" not in document.original_name
        assert document.file.name.endswith(".pdf")


def test_too_large_a_file_is_refused(coordinator_client, meeting, settings):
    settings.BARNRATT_MAX_UPLOAD_BYTES = 100
    response = upload(coordinator_client, meeting, "stor.pdf", PDF + b"0" * 200)
    assert "för stor" in response.content.decode()
    assert not MeetingDocument.objects.exists()


def test_meeting_page_queries_do_not_grow_with_its_documents(client, coordinator, meeting):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(meeting.get_absolute_url()).status_code == 200
        return len(captured)

    def add(n):
        for i in range(n):
            services.add_meeting_document(
                meeting, by=coordinator, title=f"D{i}", uploaded=SimpleUploadedFile("d.pdf", PDF)
            )

    client.force_login(coordinator)
    add(1)
    client.get(meeting.get_absolute_url())
    few = queries()
    add(6)
    assert queries() == few


def test_deleting_a_meeting_says_its_documents_go_too(coordinator_client, coordinator, meeting):
    services.add_meeting_document(
        meeting,
        by=coordinator,
        title="Minnesanteckningar",
        uploaded=SimpleUploadedFile("m.pdf", PDF),
    )
    page = coordinator_client.get(reverse("networks:meeting_delete", args=[meeting.pk]))
    assert "Dokumentet ”Minnesanteckningar”" in page.content.decode()


def test_the_meeting_pages_title_is_the_meetings_title_only(coordinator_client, meeting):
    """The documents section once landed inside the title block (a merge slip): the browser's
    tab and a screen reader's page title read the markup aloud."""
    page = coordinator_client.get(meeting.get_absolute_url()).content.decode()
    title = page[page.index("<title>") + len("<title>") : page.index("</title>")]
    assert meeting.title in title
    assert "<" not in title and "Dokument" not in title
    assert page.count('id="documents-heading"') == 1
