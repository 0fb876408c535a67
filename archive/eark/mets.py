"""The package's two METS documents (CSIP 2.1): the root METS.xml that points to the metadata,
schemas, documentation and the representation's own METS.xml, which lists the data files."""

from dataclasses import dataclass, field
from datetime import datetime
from hashlib import sha256

from lxml import etree

from .formats import PREMIS_NS, Format, identify, premis_format

METS_NS = "http://www.loc.gov/METS/"
XLINK_NS = "http://www.w3.org/1999/xlink"
CSIP_NS = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
SIP_NS = "https://DILCIS.eu/XML/METS/SIPExtensionMETS"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
PROFILE = "https://earksip.dilcis.eu/profile/E-ARK-SIP.xml"
CONTENT_TYPE = "Mixed"  # CSIP content category: PDF/A renditions and the original attachments
OTHER_CONTENT_INFORMATION_TYPE = "Barnrätt decided cases 1.0"
SCHEMA_LOCATION = (
    f"{METS_NS} {{0}}schemas/mets.xsd {XLINK_NS} {{0}}schemas/xlink.xsd "
    f"{CSIP_NS} {{0}}schemas/DILCISExtensionMETS.xsd"
)

M, XL, CSIP = f"{{{METS_NS}}}", f"{{{XLINK_NS}}}", f"{{{CSIP_NS}}}"


@dataclass
class PackageFile:
    """A file in the package, by its path from the package's root folder."""

    path: str
    data: bytes
    mimetype: str
    created: datetime
    original_name: str = ""
    case_pk: int | None = None
    is_rendition: bool = False
    sha256: str = field(init=False)
    format: Format | None = field(init=False)

    def __post_init__(self):
        self.sha256 = sha256(self.data).hexdigest()
        self.format = identify(
            self.data, self.mimetype, path=self.path, archival_pdf=self.is_rendition
        )

    @property
    def size(self) -> int:
        return len(self.data)

    def relative_to(self, folder: str) -> str:
        return self.path.removeprefix(folder + "/")


def _timestamp(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat()


def _file_attributes(package_file: PackageFile) -> dict:
    return {
        "MIMETYPE": package_file.mimetype,
        "SIZE": str(package_file.size),
        "CREATED": _timestamp(package_file.created),
        "CHECKSUM": package_file.sha256,
        "CHECKSUMTYPE": "SHA-256",
    }


def _root(objid, *, label, schemas_from=""):
    root = etree.Element(
        M + "mets",
        nsmap={
            None: METS_NS,
            "xlink": XLINK_NS,
            "csip": CSIP_NS,
            "sip": SIP_NS,
            "xsi": XSI_NS,
        },
        OBJID=objid,
        LABEL=label,
        TYPE=CONTENT_TYPE,
        PROFILE=PROFILE,
    )
    root.set(CSIP + "CONTENTINFORMATIONTYPE", "OTHER")
    root.set(CSIP + "OTHERCONTENTINFORMATIONTYPE", OTHER_CONTENT_INFORMATION_TYPE)
    root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION.format(schemas_from))
    return root


def _identified_agent(header, role, kind, name, code):
    agent = etree.SubElement(header, M + "agent", ROLE=role, TYPE=kind)
    etree.SubElement(agent, M + "name").text = name
    if code:
        note = etree.SubElement(agent, M + "note")
        note.set(CSIP + "NOTETYPE", "IDENTIFICATIONCODE")
        note.text = code
    return agent


def _header(
    root,
    created,
    *,
    software,
    version,
    organisation,
    submitter,
    submission_agreement="",
    preservation_agent="",
):
    """The header's agents and references as E-ARK SIP 2.1 (and so FGS Paketstruktur 2.0) has
    them: the archival creator (ARCHIVIST), the submitting organisation (CREATOR, ORGANIZATION),
    the contact person (CREATOR, INDIVIDUAL), the software (CREATOR, OTHER/SOFTWARE) and, when
    known, the archive that preserves the package (PRESERVATION) and the submission agreement
    (altRecordID SUBMISSIONAGREEMENT)."""
    header = etree.SubElement(
        root, M + "metsHdr", CREATEDATE=_timestamp(created), RECORDSTATUS="NEW"
    )
    header.set(CSIP + "OAISPACKAGETYPE", "SIP")
    if organisation is not None:
        # ORG:<organisationsnummer> as Swedish archives expect; SCB:<code> until it is set.
        code = organisation.archive_identification_code
        # The archive creator (arkivbildare) whose records these are, and the organisation
        # that submits them: in Barnrätt the same one.
        _identified_agent(header, "ARCHIVIST", "ORGANIZATION", organisation.name, code)
        _identified_agent(header, "CREATOR", "ORGANIZATION", organisation.name, code)
    if submitter:
        # The contact person for the submission: the person who made the package.
        _identified_agent(header, "CREATOR", "INDIVIDUAL", submitter, "")
    agent = etree.SubElement(header, M + "agent", ROLE="CREATOR", TYPE="OTHER")
    agent.set("OTHERTYPE", "SOFTWARE")
    etree.SubElement(agent, M + "name").text = software
    note = etree.SubElement(agent, M + "note")
    note.set(CSIP + "NOTETYPE", "SOFTWARE VERSION")
    note.text = version
    if preservation_agent:
        _identified_agent(header, "PRESERVATION", "ORGANIZATION", preservation_agent, "")
    if submission_agreement:
        reference = etree.SubElement(header, M + "altRecordID", TYPE="SUBMISSIONAGREEMENT")
        reference.text = submission_agreement
    return header


def _md_ref(parent, package_file: PackageFile, *, mdtype, other=None):
    attributes = {
        "LOCTYPE": "URL",
        XL + "type": "simple",
        XL + "href": package_file.path,
        "MDTYPE": mdtype,
    } | _file_attributes(package_file)
    if other:
        attributes["OTHERMDTYPE"] = other
    return etree.SubElement(parent, M + "mdRef", attributes)


def _technical_md(amd, file_id, package_file: PackageFile) -> str:
    """A techMD with the file's format (PREMIS objectCharacteristics, the PRONOM id included)
    for the file's ADMID, so the fileSec itself says what each file is. Only the format: the
    whole PREMIS object, with fixity and relationships, is in premis.xml."""
    md_id = f"techmd-{file_id}"
    tech = etree.SubElement(amd, M + "techMD", ID=md_id)
    wrap = etree.SubElement(tech, M + "mdWrap", MDTYPE="PREMIS:OBJECT")
    data = etree.SubElement(wrap, M + "xmlData")
    characteristics = etree.SubElement(
        data, f"{{{PREMIS_NS}}}objectCharacteristics", nsmap={"premis": PREMIS_NS}
    )
    premis_format(characteristics, package_file.format, package_file.mimetype)
    return md_id


def _file(group, file_id, package_file: PackageFile, href: str, *, amd=None):
    attributes = {"ID": file_id} | _file_attributes(package_file)
    if amd is not None:
        attributes["ADMID"] = _technical_md(amd, file_id, package_file)
    node = etree.SubElement(group, M + "file", attributes)
    etree.SubElement(
        node, M + "FLocat", {"LOCTYPE": "URL", XL + "type": "simple", XL + "href": href}
    )
    return node


def _serialise(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def representation_mets(rep, data_files, created, **agents) -> bytes:
    """representations/<rep>/METS.xml: every data file with its size and checksum."""
    folder = f"representations/{rep}"
    root = _root(rep, label=rep, schemas_from="../../")
    _header(root, created, **agents)
    amd = etree.SubElement(root, M + "amdSec", ID="amd-" + rep)
    file_sec = etree.SubElement(root, M + "fileSec", ID="uuid-filesec-" + rep)
    group = etree.SubElement(file_sec, M + "fileGrp", ID="fg-data", USE="Data")
    ids = []
    for number, package_file in enumerate(data_files, start=1):
        ids.append(f"file-{number}")
        _file(group, ids[-1], package_file, package_file.relative_to(folder), amd=amd)
    struct_map = etree.SubElement(
        root, M + "structMap", ID="structmap-" + rep, TYPE="PHYSICAL", LABEL="CSIP"
    )
    top = etree.SubElement(struct_map, M + "div", ID="div-" + rep, LABEL=rep)
    data = etree.SubElement(top, M + "div", ID="div-data", LABEL="Data")
    for file_id in ids:
        etree.SubElement(data, M + "fptr", FILEID=file_id)
    return _serialise(root)


def package_mets(
    objid,
    *,
    label,
    created,
    descriptive: list[tuple[str, PackageFile, str]],
    preservation: PackageFile,
    schemas: list[PackageFile],
    documentation: list[PackageFile],
    representations: dict[str, PackageFile],
    **agents,
) -> bytes:
    """The root METS.xml (CSIP 2.1 with the E-ARK SIP profile)."""
    root = _root(objid, label=label)
    _header(root, created, **agents)
    for md_id, package_file, other in descriptive:
        dmd = etree.SubElement(
            root, M + "dmdSec", ID=md_id, CREATED=_timestamp(created), STATUS="CURRENT"
        )
        _md_ref(dmd, package_file, mdtype="OTHER", other=other)
    amd = etree.SubElement(root, M + "amdSec", ID="amd")
    # METS order: the files' techMDs come before the digiprovMD, so they are made first.
    file_sec = etree.Element(M + "fileSec", ID="filesec")
    pointers = {}
    for use, files in (("Schemas", schemas), ("Documentation", documentation)):
        group = etree.SubElement(file_sec, M + "fileGrp", ID=f"fg-{use.lower()}", USE=use)
        pointers[use] = []
        for number, package_file in enumerate(files, start=1):
            pointers[use].append(f"file-{use.lower()}-{number}")
            _file(group, pointers[use][-1], package_file, package_file.path, amd=amd)
    for rep, rep_mets in representations.items():
        group = etree.SubElement(
            file_sec, M + "fileGrp", ID=f"fg-{rep}", USE=f"Representations/{rep}"
        )
        group.set(CSIP + "CONTENTINFORMATIONTYPE", "OTHER")
        group.set(CSIP + "OTHERCONTENTINFORMATIONTYPE", OTHER_CONTENT_INFORMATION_TYPE)
        _file(group, f"file-{rep}-mets", rep_mets, rep_mets.path, amd=amd)
    digiprov = etree.SubElement(amd, M + "digiprovMD", ID="digiprov-premis", STATUS="CURRENT")
    _md_ref(digiprov, preservation, mdtype="PREMIS")
    root.append(file_sec)

    struct_map = etree.SubElement(
        root, M + "structMap", ID="structmap-csip", TYPE="PHYSICAL", LABEL="CSIP"
    )
    top = etree.SubElement(struct_map, M + "div", ID="div-package", LABEL=objid)
    etree.SubElement(
        top,
        M + "div",
        ID="div-metadata",
        LABEL="Metadata",
        DMDID=" ".join(md_id for md_id, _file, _other in descriptive),
        ADMID="digiprov-premis",
    )
    for use in ("Schemas", "Documentation"):
        div = etree.SubElement(top, M + "div", ID=f"div-{use.lower()}", LABEL=use)
        for file_id in pointers[use]:
            etree.SubElement(div, M + "fptr", FILEID=file_id)
    for rep, rep_mets in representations.items():
        div = etree.SubElement(top, M + "div", ID=f"div-{rep}", LABEL=f"Representations/{rep}")
        etree.SubElement(
            div,
            M + "mptr",
            {
                "LOCTYPE": "URL",
                XL + "type": "simple",
                XL + "href": rep_mets.path,
                XL + "title": f"file-{rep}-mets",
            },
        )
    return _serialise(root)
