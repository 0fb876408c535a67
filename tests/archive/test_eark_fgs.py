"""The METS header as E-ARK SIP 2.1 has it, which with CSIP 2.1 is Riksarkivet's FGS
Paketstruktur 2.0: archival creator and submitting organisation with identification codes, the
contact person, the software, the receiving archive and the submission agreement; and the
validation catches a header that lacks them."""

import datetime
import io
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse
from lxml import etree

from archive.eark import validate
from archive.eark.mets import CSIP_NS, METS_NS
from archive.eark.package import build_package

NS = {"mets": METS_NS, "csip": CSIP_NS}
PERIOD = (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
AGREEMENT = "KS 2026/118, leveransöverenskommelse 2026-03-01"
ARCHIVE = "Karlskoga kommuns e-arkiv"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def headers(path):
    with zipfile.ZipFile(path) as archive:
        root = archive.namelist()[0].split("/", 1)[0]
        return {
            name: etree.fromstring(archive.read(f"{root}/{name}")).find("mets:metsHdr", NS)
            for name in ("METS.xml", "representations/rep1/METS.xml")
        }


def agents(header):
    return {
        (agent.get("ROLE"), agent.get("TYPE")): (
            agent.findtext("mets:name", namespaces=NS),
            [(n.get(f"{{{CSIP_NS}}}NOTETYPE"), n.text) for n in agent.findall("mets:note", NS)],
        )
        for agent in header.findall("mets:agent", NS)
    }


def test_the_header_names_the_agents_and_the_agreement(
    decided_case, karlskoga, coordinator, media, tmp_path
):
    output = tmp_path / "package.zip"
    build_package(
        karlskoga,
        *PERIOD,
        output,
        by=coordinator,
        submission_agreement=AGREEMENT,
        preservation_agent=ARCHIVE,
    )
    assert validate.problems(output) == []
    for header in headers(output).values():
        found = agents(header)
        code = [("IDENTIFICATIONCODE", "SCB:1883")]
        assert found[("ARCHIVIST", "ORGANIZATION")] == ("Karlskoga kommun", code)
        assert found[("CREATOR", "ORGANIZATION")] == ("Karlskoga kommun", code)
        assert found[("CREATOR", "INDIVIDUAL")][0] == (
            coordinator.get_full_name() or coordinator.get_username()
        )
        assert found[("PRESERVATION", "ORGANIZATION")] == (ARCHIVE, [])
        assert found[("CREATOR", "OTHER")][0] == "Barnrätt"
        references = header.findall("mets:altRecordID", NS)
        assert [(r.get("TYPE"), r.text) for r in references] == [("SUBMISSIONAGREEMENT", AGREEMENT)]
    # METS order: every agent before the alternative record ids (the schema check passes too).
    children = [etree.QName(child).localname for child in headers(output)["METS.xml"]]
    assert children == ["agent"] * 5 + ["altRecordID"]


def test_without_agreement_or_archive_the_header_has_neither(
    decided_case, karlskoga, media, tmp_path
):
    output = tmp_path / "package.zip"
    build_package(karlskoga, *PERIOD, output)
    assert validate.problems(output) == []
    header = headers(output)["METS.xml"]
    assert header.find("mets:altRecordID", NS) is None
    assert ("PRESERVATION", "ORGANIZATION") not in agents(header)
    assert ("CREATOR", "ORGANIZATION") in agents(header)  # the submitting agent is required


def test_the_validation_catches_a_header_without_sip_agents(
    decided_case, karlskoga, media, tmp_path
):
    output = tmp_path / "package.zip"
    build_package(karlskoga, *PERIOD, output)
    with zipfile.ZipFile(output) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    root_name = next(
        name for name in members if name.endswith("/METS.xml") and name.count("/") == 1
    )
    document = etree.fromstring(members[root_name])
    header = document.find("mets:metsHdr", NS)
    submitting = header.xpath("mets:agent[@ROLE='CREATOR'][@TYPE='ORGANIZATION']", namespaces=NS)
    header.remove(submitting[0])
    archivist_note = header.find("mets:agent[@ROLE='ARCHIVIST']/mets:note", NS)
    del archivist_note.attrib[f"{{{CSIP_NS}}}NOTETYPE"]
    etree.SubElement(header, f"{{{METS_NS}}}altRecordID", TYPE="LEVERANS")
    members[root_name] = etree.tostring(document, xml_declaration=True, encoding="UTF-8")
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(broken, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    problems = validate.problems(broken)
    assert "METS.xml: 0 submitting agents (CREATOR, ORGANIZATION)" in problems
    assert "METS.xml: the ARCHIVIST agent's note is not an IDENTIFICATIONCODE" in problems
    assert "METS.xml: altRecordID of unknown TYPE 'LEVERANS'" in problems


def test_the_command_and_the_page_take_the_agreement_and_the_archive(
    client, org_admin, decided_case, karlskoga, media, tmp_path
):
    output = tmp_path / "out.zip"
    call_command(
        "export_sip",
        organisation="1883",
        date_from="2026-01-01",
        date_to="2026-12-31",
        output=str(output),
        submission_agreement=AGREEMENT,
        preservation_agent=ARCHIVE,
        stdout=io.StringIO(),
    )
    header = headers(output)["METS.xml"]
    assert header.findtext("mets:altRecordID", namespaces=NS) == AGREEMENT

    client.force_login(org_admin)
    url = reverse("archive:archive_export", args=[karlskoga.pk])
    page = client.get(url).content.decode()
    assert 'name="submission_agreement"' in page and 'name="preservation_agent"' in page
    response = client.post(
        url,
        {
            "decided_from": "2026-01-01",
            "decided_to": "2026-12-31",
            "submission_agreement": AGREEMENT,
            "preservation_agent": ARCHIVE,
        },
    )
    assert response["Content-Type"] == "application/zip"
    download = tmp_path / "download.zip"
    download.write_bytes(b"".join(response.streaming_content))
    header = headers(download)["METS.xml"]
    assert header.findtext("mets:altRecordID", namespaces=NS) == AGREEMENT
    assert agents(header)[("PRESERVATION", "ORGANIZATION")][0] == ARCHIVE
