"""Sections of the coordinator's own (issue 20): written on the report's staff pages, shown
after the generated sections of their part in the web page, the frozen version, PDF and Word."""

import io
import shutil

import pytest
from django.urls import reverse

from core.models import AuditEntry
from reports import services
from reports.document import build_document, localised, sentence_ids
from reports.models import OwnSection, Report
from tests.reports.conftest import AS_OF
from tests.reports.test_formats import download, pdf_text

TEXT = "Folkhälsoteamet träffade alla skolor.\n\nNästa år följer vi upp med en enkät."


@pytest.fixture
def own(report, coordinator):
    return services.create_own_section(
        report, by=coordinator, part=OwnSection.Part.PUBLIC_HEALTH, title="Vårt arbete", text=TEXT
    )


@pytest.fixture
def published(report, own, coordinator, decision_maker, cases_2026):
    services.approve_report(report, by=decision_maker)
    return services.publish_report(report, by=coordinator, as_of=AS_OF)


def test_own_section_comes_last_in_its_part_with_its_paragraphs(report, own):
    doc = localised(build_document(report, languages=["sv"]), "sv")
    part = next(p for p in doc["parts"] if p["key"] == "public_health")
    last = part["sections"][-1]
    assert last["title"] == "Vårt arbete"
    assert [s["text"] for s in last["sentences"]] == [
        "Folkhälsoteamet träffade alla skolor.",
        "Nästa år följer vi upp med en enkät.",
    ]
    child_rights = next(p for p in doc["parts"] if p["key"] == "child_rights")
    assert "Vårt arbete" not in [s["title"] for s in child_rights["sections"]]
    # Its paragraphs are not offered for rewording as generated sentences are.
    assert not [sid for sid, _text in sentence_ids(build_document(report)) if "own" in sid]


def test_changes_are_audited_and_take_an_approved_report_back_to_draft(
    report, own, coordinator, decision_maker
):
    pk = own.pk
    assert AuditEntry.objects.for_object(own).get().action == "create"
    services.approve_report(report, by=decision_maker)
    services.update_own_section(own, by=coordinator, title="Vårt arbete")  # no change
    report.refresh_from_db()
    assert report.status == Report.Status.APPROVED
    services.update_own_section(own, by=coordinator, title="Vårt arbete 2026")
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT and report.approved_by is None
    services.approve_report(report, by=decision_maker)
    services.delete_own_section(own, by=coordinator)
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT
    actions = list(
        AuditEntry.objects.filter(object_id=str(pk), content_type__model="ownsection")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["create", "update", "delete"]


def test_coordinator_adds_edits_and_deletes_on_the_staff_pages(coordinator_client, report):
    response = coordinator_client.post(
        reverse("reports:own_section_create", args=[report.pk]),
        {"part": "child_rights", "title": "Barnens röst", "text": "Vi lyssnade.", "order": 1},
    )
    assert response.status_code == 302
    section = report.own_sections.get()
    page = coordinator_client.get(reverse("reports:report_detail", args=[report.pk]))
    assert "Barnens röst" in page.content.decode() and "Vi lyssnade." in page.content.decode()
    edit = reverse("reports:own_section_edit", args=[section.pk])
    assert (
        "Barnens röst"
        in coordinator_client.get(reverse("reports:report_edit", args=[report.pk])).content.decode()
    )
    saved = coordinator_client.post(
        edit,
        {"part": "public_health", "title": "Unga", "text": "Ny text.", "order": 0},
        follow=True,
    )
    assert "Avsnittet sparades." in saved.content.decode()
    section.refresh_from_db()
    assert (section.part, section.title, section.text) == ("public_health", "Unga", "Ny text.")
    delete = reverse("reports:own_section_delete", args=[section.pk])
    assert coordinator_client.post(delete).status_code == 302
    assert not report.own_sections.exists()


def test_others_reports_own_sections_are_not_found(client, own, outsider):
    client.force_login(outsider)
    for name in ("own_section_edit", "own_section_delete"):
        assert client.get(reverse(f"reports:{name}", args=[own.pk])).status_code == 404
    url = reverse("reports:own_section_create", args=[own.report_id])
    assert client.get(url).status_code == 404


def test_published_version_freezes_the_own_section(published, own, coordinator):
    sections = published.data["languages"]["sv"]["sections"]
    assert sections[-1]["title"] == "Vårt arbete"
    services.reopen_report(published.report, by=coordinator)
    services.update_own_section(own, by=coordinator, text="Ändrad.")
    published.refresh_from_db()
    frozen = published.data["languages"]["sv"]["sections"][-1]["sentences"]
    assert frozen[0]["text"] == "Folkhälsoteamet träffade alla skolor."


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_pdf_has_the_own_section(client, published, tmp_path):
    text = pdf_text(tmp_path, download(client, published, "pdf"))
    assert "Vårt arbete" in text
    assert "Nästa år följer vi upp med en enkät." in text


def test_docx_has_the_own_section_last_in_the_public_health_part(client, published):
    from docx import Document

    document = Document(io.BytesIO(download(client, published, "docx")))
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    public_health = headings.index(("Heading 1", "Folkhälsa"))
    after = [text for style, text in headings[public_health + 1 :] if style == "Heading 2"]
    assert after[-1] == "Vårt arbete"
    paragraphs = [p.text for p in document.paragraphs]
    assert "Nästa år följer vi upp med en enkät." in paragraphs
