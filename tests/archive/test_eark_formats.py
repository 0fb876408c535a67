"""The archive package speaks what archives expect: the organisation number as the creator's
identification code, a PRONOM id for every file (in the METS fileSec and in PREMIS), its XML
valid against the schemas it ships, and the cases described with FGS Ärendehantering."""

import datetime
import io
import zipfile
from hashlib import sha256

import docx
import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from lxml import etree

from archive.eark import formats, validate
from archive.eark.fgs import FGS_NS
from archive.eark.mets import CSIP_NS, METS_NS, XLINK_NS
from archive.eark.package import build_package
from assessments import services as case_services
from organisations.validators import luhn_check_digit

PREMIS_NS = "http://www.loc.gov/premis/v3"
NS = {"mets": METS_NS, "xlink": XLINK_NS, "csip": CSIP_NS, "premis": PREMIS_NS, "fgs": FGS_NS}
PERIOD = (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
NUMBER = "212000-000" + str(luhn_check_digit("212000000"))  # a valid number, not a real one
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _office(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def package(decided_case, case_officer, coordinator, karlskoga, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    karlskoga.organisation_number = NUMBER
    karlskoga.save()
    uploads = [
        ("Remissvar.pdf", b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
        ("Underlag.docx", _office(docx.Document())),
        ("Statistik.xlsx", _office(openpyxl.Workbook())),
    ]
    for name, data in uploads:
        case_services.add_attachment(
            decided_case, by=case_officer, title=name, uploaded=SimpleUploadedFile(name, data)
        )
    case_services.add_attachment(
        decided_case, by=case_officer, title="Kommunens sida", url="https://example.org/x"
    )
    output = tmp_path / "package.zip"
    build_package(karlskoga, *PERIOD, output, by=coordinator)
    with zipfile.ZipFile(output) as archive:
        files = {
            name.split("/", 1)[1]: archive.read(name)
            for name in archive.namelist()
            if not name.endswith("/")
        }
    return output, files


def test_the_organisation_number_identifies_the_creator_and_the_submitter(package):
    output, files = package
    assert validate.problems(output) == []
    for name in ("METS.xml", "representations/rep1/METS.xml"):
        header = etree.fromstring(files[name]).find("mets:metsHdr", NS)
        for role in ("ARCHIVIST", "CREATOR"):
            agent = header.find(f"mets:agent[@ROLE='{role}'][@TYPE='ORGANIZATION']", NS)
            assert agent.findtext("mets:note", namespaces=NS) == "ORG:" + NUMBER.replace("-", "")
    cases = etree.fromstring(files["metadata/descriptive/cases.xml"])
    assert cases.get("organisationNumber") == NUMBER


def _format_of(document, file_node):
    tech = document.find(f"mets:amdSec/mets:techMD[@ID='{file_node.get('ADMID')}']", NS)
    return tech.findtext(".//premis:formatRegistryKey", namespaces=NS)


def test_every_file_in_the_mets_files_has_its_pronom_id(package):
    _output, files = package
    found = {}
    for name, base in (
        ("METS.xml", ""),
        ("representations/rep1/METS.xml", "representations/rep1/"),
    ):
        document = etree.fromstring(files[name])
        for node in document.iterfind(".//mets:fileSec//mets:file", NS):
            href = node.find("mets:FLocat", NS).get(f"{{{XLINK_NS}}}href")
            found[base + href] = _format_of(document, node)
    by_suffix = {path.rsplit("/", 1)[-1]: puid for path, puid in found.items()}
    assert by_suffix["case.pdf"] == "fmt/476"  # PDF/A-2a
    assert by_suffix["01-remissvar.pdf"] == "fmt/276"  # PDF 1.7, from its header
    assert by_suffix["02-underlag.docx"] == "fmt/412"
    assert by_suffix["03-statistik.xlsx"] == "fmt/214"
    assert by_suffix["mets.xsd"] == "x-fmt/280"
    assert by_suffix["METS.xml"] == "fmt/101"
    assert by_suffix["README.txt"] == "x-fmt/111"
    assert None not in found.values()


def test_premis_describes_every_file_with_its_format_and_checksum(package):
    _output, files = package
    premis = etree.fromstring(files["metadata/preservation/premis.xml"])
    described = {}
    for obj in premis.iterfind("premis:object", NS):
        if obj.get("{http://www.w3.org/2001/XMLSchema-instance}type") != "premis:file":
            continue
        path = obj.findtext("premis:objectIdentifier/premis:objectIdentifierValue", namespaces=NS)
        described[path] = (
            obj.findtext(".//premis:messageDigest", namespaces=NS),
            obj.findtext(".//premis:formatRegistryName", namespaces=NS),
            obj.findtext(".//premis:formatRegistryKey", namespaces=NS),
        )
    # Every file but PREMIS itself and the root METS.xml, which lists PREMIS with its checksum.
    assert set(described) == set(files) - {"METS.xml", "metadata/preservation/premis.xml"}
    for path, (digest, registry, puid) in described.items():
        assert digest == sha256(files[path]).hexdigest()
        assert (registry, bool(puid)) == ("PRONOM", True), path


def _schema(files, tmp_path, *names):
    """The package's own schemas folder, written out: validation needs nothing else."""
    folder = tmp_path / "schemas"
    folder.mkdir(exist_ok=True)
    for path, data in files.items():
        if path.startswith("schemas/"):
            (tmp_path / path).write_bytes(data)
    imports = "".join(
        f'<xs:import namespace="{ns}" schemaLocation="{(folder / name).as_uri()}"/>'
        for ns, name in names
    )
    wrapper = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>'
    return etree.XMLSchema(etree.fromstring(wrapper.encode()))


def test_the_xml_validates_against_the_schemas_in_the_package(package, tmp_path):
    _output, files = package
    mets = _schema(files, tmp_path, (METS_NS, "mets.xsd"), (CSIP_NS, "DILCISExtensionMETS.xsd"))
    for name in ("METS.xml", "representations/rep1/METS.xml"):
        assert mets.validate(etree.fromstring(files[name])), mets.error_log
    cases = _schema(files, tmp_path, ("urn:barnratt:archive:cases:1", "barnratt-cases.xsd"))
    document = etree.fromstring(files["metadata/descriptive/cases.xml"])
    assert cases.validate(document), cases.error_log


def test_the_cases_are_described_with_fgs_arendehantering(package, decided_case):
    output, files = package
    root = etree.fromstring(files["metadata/descriptive/arenden.xml"])
    assert root.tag == f"{{{FGS_NS}}}Leveransobjekt"
    assert root.findtext("fgs:ArkivbildarStruktur/fgs:Arkivbildare/fgs:Namn", namespaces=NS) == (
        "Karlskoga kommun"
    )
    (case,) = root.findall("fgs:ArkivobjektListaArenden/fgs:ArkivobjektArende", NS)
    assert case.findtext("fgs:ArkivobjektID", namespaces=NS) == decided_case.case_number
    assert case.findtext("fgs:Arendemening", namespaces=NS) == decided_case.title
    assert case.findtext("fgs:StatusArande", namespaces=NS) == "Avslutat"
    assert case.findtext("fgs:Beslutat", namespaces=NS).startswith("2026-11-01T00:00:00")
    assert case.findtext("fgs:Agent/fgs:Roll", namespaces=NS) == "Handläggare"
    records = case.findall("fgs:ArkivobjektListaHandlingar/fgs:ArkivobjektHandling", NS)
    # The case's PDF/A and the three files; the link is no record of its own.
    assert [r.findtext("fgs:Lopnummer", namespaces=NS) for r in records] == ["1", "2", "3", "4"]
    for record in records:
        attachment = record.find("fgs:Bilaga", NS)
        path = attachment.get("Lank").removeprefix("../../")
        assert sha256(files[path]).hexdigest() == attachment.get("Checksumma")
        assert int(attachment.get("Storlek")) == len(files[path])
    # The root METS names it as descriptive metadata beside Barnrätt's own.
    mets = etree.fromstring(files["METS.xml"])
    kinds = [ref.get("OTHERMDTYPE") for ref in mets.iterfind("mets:dmdSec/mets:mdRef", NS)]
    assert kinds == ["FGS-ERMS", "BARNRATT-CASES"]
    assert validate.problems(output) == []


@pytest.mark.parametrize(
    ("data", "mimetype", "path", "puid"),
    [
        (b"%PDF-1.4\n", "application/pdf", "a.pdf", "fmt/18"),
        (b"%PDF-2.0\n", "application/pdf", "a.pdf", "fmt/1129"),
        (b"PK\x03\x04", WORD, "a.docx", "fmt/412"),
        (b"a,b\n", "text/csv", "a.csv", "x-fmt/18"),
        (b"{}", "application/json", "a.json", "fmt/817"),
        (b"<a/>", "text/xml; charset=utf-8", "a.xml", "fmt/101"),
    ],
)
def test_formats_are_identified_from_what_is_known(data, mimetype, path, puid):
    assert formats.identify(data, mimetype, path=path).puid == puid


def test_an_unknown_format_gets_no_guessed_pronom_id():
    assert formats.identify(b"\x89PNG", "image/png", path="a.png") is None
    assert formats.identify(b"not a pdf", "application/pdf", path="a.pdf") is None
    assert formats.identify(b"", "application/pdf", archival_pdf=True).puid == "fmt/476"
