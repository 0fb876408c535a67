"""Check an archive package: the folders CSIP requires, both METS files valid against the METS
schema (vendored in schemas/, with the CSIP extension attributes), the CSIP attributes the
profile requires, and every file in the package referenced by a METS file with the right size
and SHA-256 and nothing referenced that is not there."""

import zipfile
from hashlib import sha256
from pathlib import Path

from lxml import etree

from .mets import CSIP_NS, METS_NS, PROFILE, XLINK_NS

SCHEMAS = Path(__file__).parent / "schemas"
NS = {"mets": METS_NS, "xlink": XLINK_NS, "csip": CSIP_NS}
REQUIRED = (
    "METS.xml",
    "metadata/descriptive/",
    "metadata/preservation/",
    "representations/rep1/METS.xml",
    "representations/rep1/data/",
    "schemas/",
    "documentation/",
)

_schema = None


def mets_schema() -> etree.XMLSchema:
    """METS 1.12 with xlink and the CSIP extension attributes (all local files, no network)."""
    global _schema
    if _schema is None:
        wrapper = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <xs:import namespace="{METS_NS}" schemaLocation="{(SCHEMAS / "mets.xsd").as_uri()}"/>
          <xs:import namespace="{CSIP_NS}"
                     schemaLocation="{(SCHEMAS / "DILCISExtensionMETS.xsd").as_uri()}"/>
        </xs:schema>"""
        _schema = etree.XMLSchema(etree.fromstring(wrapper.encode()))
    return _schema


def _referenced(document, base: str) -> dict[str, tuple[int, str]]:
    """path from the package root -> (SIZE, CHECKSUM) for every file and mdRef."""
    found = {}
    for node in document.iterfind(".//mets:file", NS):
        location = node.find("mets:FLocat", NS)
        href = location.get(f"{{{XLINK_NS}}}href")
        found[base + href] = (int(node.get("SIZE")), node.get("CHECKSUM"), node.get("CHECKSUMTYPE"))
    for node in document.iterfind(".//mets:mdRef", NS):
        href = node.get(f"{{{XLINK_NS}}}href")
        found[base + href] = (int(node.get("SIZE")), node.get("CHECKSUM"), node.get("CHECKSUMTYPE"))
    return found


def problems(path) -> list[str]:
    """Everything wrong with the package in the ZIP at `path`; an empty list when it is fine."""
    found = []
    with zipfile.ZipFile(path) as archive:
        names = [name for name in archive.namelist() if not name.endswith("/")]
        roots = {name.split("/", 1)[0] for name in names}
        if len(roots) != 1:
            return [f"expected one root folder, found {sorted(roots)}"]
        objid = roots.pop()
        files = {name.split("/", 1)[1]: archive.read(name) for name in names}
    for required in REQUIRED:
        if required.endswith("/"):
            if not any(name.startswith(required) for name in files):
                found.append(f"missing folder {required}")
        elif required not in files:
            found.append(f"missing {required}")
    if found:
        return found
    documents = {}
    for name in ("METS.xml", "representations/rep1/METS.xml"):
        document = etree.fromstring(files[name])
        documents[name] = document
        if not mets_schema().validate(document):
            found += [f"{name}: {error.message}" for error in mets_schema().error_log]
        if document.get("PROFILE") != PROFILE:
            found.append(f"{name}: PROFILE is not the E-ARK SIP profile")
        if not document.get(f"{{{CSIP_NS}}}CONTENTINFORMATIONTYPE"):
            found.append(f"{name}: no csip:CONTENTINFORMATIONTYPE")
        header = document.find("mets:metsHdr", NS)
        if header is None or header.get(f"{{{CSIP_NS}}}OAISPACKAGETYPE") != "SIP":
            found.append(f"{name}: metsHdr lacks csip:OAISPACKAGETYPE=SIP")
        if header is not None:
            found += _sip_header_problems(name, header)
        struct_map = document.find("mets:structMap[@LABEL='CSIP'][@TYPE='PHYSICAL']", NS)
        if struct_map is None:
            found.append(f"{name}: no CSIP structMap")
    root = documents["METS.xml"]
    if root.get("OBJID") != objid:
        found.append(f"OBJID {root.get('OBJID')!r} is not the package folder {objid!r}")
    divisions = root.xpath("mets:structMap[@LABEL='CSIP']/mets:div/mets:div/@LABEL", namespaces=NS)
    for label in ("Metadata", "Schemas", "Documentation", "Representations/rep1"):
        if label not in divisions:
            found.append(f"METS.xml: no structMap division {label}")
    rep_data = documents["representations/rep1/METS.xml"].xpath(
        "mets:structMap[@LABEL='CSIP']/mets:div/mets:div[@LABEL='Data']/mets:fptr",
        namespaces=NS,
    )
    if not rep_data:
        found.append("representations/rep1/METS.xml: no Data division")
    referenced = _referenced(root, "") | _referenced(
        documents["representations/rep1/METS.xml"], "representations/rep1/"
    )
    for name, (size, checksum, kind) in referenced.items():
        if name not in files:
            found.append(f"referenced but missing: {name}")
            continue
        if kind != "SHA-256" or sha256(files[name]).hexdigest() != checksum:
            found.append(f"wrong checksum: {name}")
        if len(files[name]) != size:
            found.append(f"wrong size: {name}")
    for name in files:
        if name != "METS.xml" and name not in referenced:
            found.append(f"not referenced by any METS file: {name}")
    return found


# E-ARK SIP 2.1 (with CSIP 2.1 it makes up Riksarkivet's FGS Paketstruktur 2.0): the header's
# agents and alternative record ids.
IDENTIFIED_AGENTS = (
    ("ARCHIVIST", "ORGANIZATION"),
    ("CREATOR", "ORGANIZATION"),
    ("PRESERVATION", "ORGANIZATION"),
)
ALT_RECORD_ID_TYPES = {
    "SUBMISSIONAGREEMENT",
    "PREVIOUSSUBMISSIONAGREEMENT",
    "REFERENCECODE",
    "PREVIOUSREFERENCECODE",
}


def _sip_header_problems(name, header) -> list[str]:
    found = []
    agents = [(a.get("ROLE"), a.get("TYPE"), a) for a in header.findall("mets:agent", NS)]
    submitting = [a for role, kind, a in agents if (role, kind) == ("CREATOR", "ORGANIZATION")]
    if len(submitting) != 1:
        found.append(f"{name}: {len(submitting)} submitting agents (CREATOR, ORGANIZATION)")
    if sum(role == "ARCHIVIST" for role, _kind, _a in agents) > 1:
        found.append(f"{name}: more than one archival creator agent (ARCHIVIST)")
    if not any(a.get("OTHERTYPE") == "SOFTWARE" for _r, _k, a in agents):
        found.append(f"{name}: no software agent (CREATOR, OTHER/SOFTWARE)")
    for role, kind, agent in agents:
        if not (agent.findtext("mets:name", namespaces=NS) or "").strip():
            found.append(f"{name}: the {role} agent has no name")
        if (role, kind) in IDENTIFIED_AGENTS:
            for note in agent.findall("mets:note", NS):
                if note.get(f"{{{CSIP_NS}}}NOTETYPE") != "IDENTIFICATIONCODE":
                    found.append(f"{name}: the {role} agent's note is not an IDENTIFICATIONCODE")
    types = [ref.get("TYPE") for ref in header.findall("mets:altRecordID", NS)]
    for kind in types:
        if kind not in ALT_RECORD_ID_TYPES:
            found.append(f"{name}: altRecordID of unknown TYPE {kind!r}")
    for single in ("SUBMISSIONAGREEMENT", "REFERENCECODE"):
        if types.count(single) > 1:
            found.append(f"{name}: more than one altRecordID {single}")
    return found
