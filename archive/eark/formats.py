"""PRONOM format identifiers (PUIDs) for the files Barnrätt puts in an archive package.

Every PUID here is checked against PRONOM's signature file v109 as shipped in opf-fido 1.6.1
(`fido/conf/formats-v109.xml`): name, version and MIME type as listed there (decision 0037).
A file whose format is not listed here gets its MIME type as the format name and no PUID, rather
than a guessed one: PNG, JPEG and OpenDocument attachments, whose PUID depends on a version that
PRONOM tells apart by signatures Barnrätt does not read."""

import re
from dataclasses import dataclass

from lxml import etree

PRONOM = "PRONOM"


@dataclass(frozen=True)
class Format:
    puid: str
    name: str
    version: str = ""


PDF_A_2A = Format("fmt/476", "Acrobat PDF/A - Portable Document Format", "2a")
XML = Format("fmt/101", "Extensible Markup Language", "1.0")
XSD = Format("x-fmt/280", "XML Schema Definition")
TEXT = Format("x-fmt/111", "Plain Text File")

# PDF by the version in its header (%PDF-1.x): PRONOM has one PUID per version.
_PDF_VERSIONS = {
    "1.0": "fmt/14",
    "1.1": "fmt/15",
    "1.2": "fmt/16",
    "1.3": "fmt/17",
    "1.4": "fmt/18",
    "1.5": "fmt/19",
    "1.6": "fmt/20",
    "1.7": "fmt/276",
    "2.0": "fmt/1129",
}
_BY_MIMETYPE = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": Format(
        "fmt/412", "Microsoft Word for Windows", "2007 onwards"
    ),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Format(
        "fmt/214", "Microsoft Excel for Windows", "2007 onwards"
    ),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": Format(
        "fmt/215", "Microsoft Powerpoint for Windows", "2007 onwards"
    ),
    "text/csv": Format("x-fmt/18", "Comma Separated Values"),
    "application/json": Format("fmt/817", "JSON Data Interchange Format"),
    "application/xml": XML,
    "text/xml": XML,
    "text/plain": TEXT,
}
_PDF_HEADER = re.compile(rb"%PDF-(\d\.\d)")


def identify(data: bytes, mimetype: str, *, path: str = "", archival_pdf=False) -> Format | None:
    """The format of a file, from what Barnrätt knows of it: the PDF/A renditions it made, the
    version a PDF's header states, an XML schema by its name, otherwise the MIME type."""
    if archival_pdf:
        return PDF_A_2A
    if mimetype == "application/pdf":
        match = _PDF_HEADER.match(data[:16])
        version = match[1].decode() if match else ""
        if version in _PDF_VERSIONS:
            return Format(_PDF_VERSIONS[version], "Portable Document Format", version)
        return None
    if path.endswith(".xsd"):
        return XSD
    return _BY_MIMETYPE.get(mimetype.split(";")[0].strip().lower())


PREMIS_NS = "http://www.loc.gov/premis/v3"


def premis_format(parent, found: Format | None, mimetype: str):
    """<premis:format>: the format's name and version, and its PUID in PRONOM when known."""
    premis = f"{{{PREMIS_NS}}}"
    node = etree.SubElement(parent, premis + "format")
    designation = etree.SubElement(node, premis + "formatDesignation")
    etree.SubElement(designation, premis + "formatName").text = found.name if found else mimetype
    if found and found.version:
        etree.SubElement(designation, premis + "formatVersion").text = found.version
    if found:
        registry = etree.SubElement(node, premis + "formatRegistry")
        etree.SubElement(registry, premis + "formatRegistryName").text = PRONOM
        etree.SubElement(registry, premis + "formatRegistryKey").text = found.puid
    return node
