"""The archive package (E-ARK CSIP/SIP) of decided cases: its structure, its METS files against
the METS schema, every file's checksum and size, the PDF/A renditions and the audit entry."""

import datetime
import io
import subprocess
import zipfile
from hashlib import sha256

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from lxml import etree

from archive.eark import validate
from archive.eark.mets import CSIP_NS, METS_NS, PROFILE, XLINK_NS
from archive.eark.package import NothingToExport, build_package
from archive.models import ArchiveExport
from assessments import services as case_services
from core.models import AuditEntry
from tests.pdf_checks import assert_tagged_pdf

NS = {"mets": METS_NS, "xlink": XLINK_NS, "csip": CSIP_NS, "premis": "http://www.loc.gov/premis/v3"}
PERIOD = (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
ATTACHMENT = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def package(decided_case, case_officer, coordinator, karlskoga, media, tmp_path):
    case_services.add_attachment(
        decided_case,
        by=case_officer,
        title="Remissvar",
        uploaded=SimpleUploadedFile("Remissvar från skolan.pdf", ATTACHMENT),
    )
    case_services.add_attachment(
        decided_case, by=case_officer, title="Kommunens sida", url="https://example.org/x"
    )
    output = tmp_path / "package.zip"
    built = build_package(karlskoga, *PERIOD, output, by=coordinator)
    with zipfile.ZipFile(output) as archive:
        files = {
            name.split("/", 1)[1]: archive.read(name)
            for name in archive.namelist()
            if not name.endswith("/")
        }
    return output, built, files


def test_the_package_has_the_csip_structure_and_validates(package):
    output, built, files = package
    assert validate.problems(output) == []
    for required in (
        "METS.xml",
        "metadata/descriptive/cases.xml",
        "metadata/preservation/premis.xml",
        "representations/rep1/METS.xml",
        "schemas/mets.xsd",
        "documentation/README.txt",
    ):
        assert required in files
    data = sorted(name for name in files if name.startswith("representations/rep1/data/"))
    assert len(data) == 2  # the rendition and the uploaded file; the link is only described
    assert data[0].endswith("/attachments/01-remissvar-fran-skolan.pdf")
    assert data[1].endswith("/case.pdf")
    assert built.cases == 1


def test_the_root_mets_has_the_csip_profile_objid_and_divisions(package):
    _output, built, files = package
    root = etree.fromstring(files["METS.xml"])
    assert root.get("OBJID") == built.objid
    assert root.get("PROFILE") == PROFILE
    assert root.get(f"{{{CSIP_NS}}}CONTENTINFORMATIONTYPE") == "OTHER"
    assert root.find("mets:metsHdr", NS).get(f"{{{CSIP_NS}}}OAISPACKAGETYPE") == "SIP"
    assert root.xpath(
        "mets:metsHdr/mets:agent[@ROLE='CREATOR'][@OTHERTYPE='SOFTWARE']/mets:name/text()",
        namespaces=NS,
    ) == ["Barnrätt"]
    labels = root.xpath(
        "mets:structMap[@LABEL='CSIP'][@TYPE='PHYSICAL']/mets:div/mets:div/@LABEL", namespaces=NS
    )
    assert labels == ["Metadata", "Schemas", "Documentation", "Representations/rep1"]
    pointer = root.xpath("//mets:mptr/@xlink:href", namespaces=NS)
    assert pointer == ["representations/rep1/METS.xml"]


def test_both_mets_files_are_valid_against_the_mets_schema(package):
    _output, _built, files = package
    schema = validate.mets_schema()
    for name in ("METS.xml", "representations/rep1/METS.xml"):
        assert schema.validate(etree.fromstring(files[name])), schema.error_log


def test_every_file_is_referenced_with_its_checksum_and_size(package):
    _output, _built, files = package
    referenced = {}
    for name, base in (
        ("METS.xml", ""),
        ("representations/rep1/METS.xml", "representations/rep1/"),
    ):
        document = etree.fromstring(files[name])
        for node in document.xpath("//mets:file", namespaces=NS):
            href = node.find("mets:FLocat", NS).get(f"{{{XLINK_NS}}}href")
            referenced[base + href] = node
        for node in document.xpath("//mets:mdRef", namespaces=NS):
            referenced[base + node.get(f"{{{XLINK_NS}}}href")] = node
    assert set(referenced) == set(files) - {"METS.xml"}
    for name, node in referenced.items():
        assert node.get("CHECKSUMTYPE") == "SHA-256"
        assert node.get("CHECKSUM") == sha256(files[name]).hexdigest(), name
        assert int(node.get("SIZE")) == len(files[name]), name


def test_a_changed_file_is_caught_by_the_validation(package, tmp_path):
    output, _built, _files = package
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(output) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith("cases.xml"):
                data = data.replace(b"Bifall", b"Avslag")
            target.writestr(item, data)
    assert any("wrong checksum" in problem for problem in validate.problems(broken))


def test_the_rendition_is_pdf_a_with_the_case_number_and_decision(package, tmp_path):
    _output, _built, files = package
    [name] = [name for name in files if name.endswith("/case.pdf")]
    pdf = tmp_path / "case.pdf"
    pdf.write_bytes(files[name])
    metadata = subprocess.run(
        ["pdfinfo", "-meta", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert 'pdfaid:part="2"' in metadata
    assert 'pdfaid:conformance="A"' in metadata
    assert_tagged_pdf(files[name], tmp_path, archival=True)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "SN 2026/1" in text
    assert "Bifall" in text  # the decision
    assert "2026-11-01" in text


def test_descriptive_and_preservation_metadata(package, decided_case):
    _output, _built, files = package
    cases = etree.fromstring(files["metadata/descriptive/cases.xml"])
    ns = {"c": "urn:barnratt:archive:cases:1"}
    assert cases.xpath("//c:case/c:caseNumber/text()", namespaces=ns) == ["SN 2026/1"]
    assert cases.xpath("//c:decision/c:outcome/text()", namespaces=ns) == ["Bifall"]
    assert cases.xpath("//c:attachments/c:link/@href", namespaces=ns) == ["https://example.org/x"]
    premis = etree.fromstring(files["metadata/preservation/premis.xml"])
    audited = AuditEntry.objects.filter(object_repr__contains="SN 2026/1").count()
    events = premis.xpath(
        "//premis:event/premis:eventIdentifier/premis:eventIdentifierValue/text()", namespaces=NS
    )
    assert audited >= 4
    assert len([event for event in events if event.startswith("audit-")]) >= audited
    digests = premis.xpath("//premis:fixity/premis:messageDigest/text()", namespaces=NS)
    pdf_name = next(name for name in files if name.endswith("/case.pdf"))
    assert sha256(files[pdf_name]).hexdigest() in digests


def test_the_export_is_recorded_in_the_audit_log(package, coordinator, karlskoga):
    _output, built, _files = package
    export = ArchiveExport.objects.get(objid=built.objid)
    assert export.organisation == karlskoga
    assert export.case_count == 1
    assert export.sha256 == built.sha256
    entry = AuditEntry.objects.for_object(export).get()
    assert entry.actor == coordinator
    assert entry.action == AuditEntry.Action.CREATE


def test_cases_outside_the_period_or_organisation_are_not_exported(
    decided_case, degerfors, karlskoga, media, tmp_path
):
    with pytest.raises(NothingToExport):
        build_package(
            karlskoga, datetime.date(2026, 11, 2), datetime.date(2026, 12, 31), io.BytesIO()
        )
    with pytest.raises(NothingToExport):
        build_package(degerfors, *PERIOD, io.BytesIO())
    assert not ArchiveExport.objects.exists()
    with pytest.raises(CommandError, match="No case was decided"):
        call_command(
            "export_sip",
            organisation=str(karlskoga.pk),
            date_from="2025-01-01",
            date_to="2025-12-31",
            output=str(tmp_path / "none.zip"),
        )
    assert not (tmp_path / "none.zip").exists()


def test_the_command_writes_a_valid_package(decided_case, karlskoga, media, tmp_path):
    output = tmp_path / "out.zip"
    stdout = io.StringIO()
    call_command(
        "export_sip",
        organisation=str(karlskoga.pk),
        date_from="2026-01-01",
        date_to="2026-12-31",
        output=str(output),
        stdout=stdout,
    )
    assert validate.problems(output) == []
    assert "1" in stdout.getvalue()
    assert ArchiveExport.objects.filter(organisation=karlskoga).count() == 1


def test_the_administrator_downloads_a_package_from_the_page(
    client, org_admin, decided_case, karlskoga, media, tmp_path, django_assert_max_num_queries
):
    client.force_login(org_admin)
    url = reverse("archive:archive_export", args=[karlskoga.pk])
    page = client.get(url).content.decode()
    assert 'name="decided_from"' in page
    response = client.post(url, {"decided_from": "2026-01-01", "decided_to": "2026-12-31"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    export = ArchiveExport.objects.get()
    assert f'filename="{export.objid}.zip"' in response["Content-Disposition"]
    path = tmp_path / "download.zip"
    path.write_bytes(b"".join(response.streaming_content))
    assert validate.problems(path) == []
    assert sha256(path.read_bytes()).hexdigest() == export.sha256
    with django_assert_max_num_queries(12):
        page = client.get(url).content.decode()
    assert export.objid in page


def test_an_empty_period_or_too_many_cases_give_a_message_not_a_package(
    client, org_admin, decided_case, karlskoga, media, monkeypatch
):
    client.force_login(org_admin)
    url = reverse("archive:archive_export", args=[karlskoga.pk])
    response = client.post(url, {"decided_from": "2025-01-01", "decided_to": "2025-12-31"})
    assert "Inget ärende beslutades" in response.content.decode()
    monkeypatch.setattr("archive.views.MAX_CASES_ONLINE", 0)
    response = client.post(url, {"decided_from": "2026-01-01", "decided_to": "2026-12-31"})
    assert "export_sip" in response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert not ArchiveExport.objects.exists()


def test_a_coordinator_sees_the_packages_but_cannot_make_one(
    client, coordinator, karlskoga, decided_case, media
):
    client.force_login(coordinator)
    url = reverse("archive:archive_export", args=[karlskoga.pk])
    assert 'name="decided_from"' not in client.get(url).content.decode()
    data = {"decided_from": "2026-01-01", "decided_to": "2026-12-31"}
    assert client.post(url, data).status_code == 403
    assert not ArchiveExport.objects.exists()
