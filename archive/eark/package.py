"""Build the archive package of an organisation's decided cases in a period as one ZIP file:

<OBJID>/METS.xml
<OBJID>/metadata/descriptive/arenden.xml                      (FGS Ärendehantering)
<OBJID>/metadata/descriptive/cases.xml
<OBJID>/metadata/preservation/premis.xml
<OBJID>/representations/rep1/METS.xml
<OBJID>/representations/rep1/data/<case>/case.pdf            (PDF/A-2a)
<OBJID>/representations/rep1/data/<case>/attachments/<file>   (as uploaded)
<OBJID>/schemas/mets.xsd, xlink.xsd, DILCISExtensionMETS.xsd, barnratt-cases.xsd
<OBJID>/documentation/README.txt
"""

import mimetypes
import re
import uuid
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify

from core.audit import create_object

from ..models import ArchiveExport
from . import content, fgs
from .mets import PackageFile, package_mets, representation_mets

SOFTWARE = "Barnrätt"
REP = "rep1"
SCHEMAS = Path(__file__).parent / "schemas"
# The schemas the package's XML names, so that it can be validated without a network.
SHIPPED_SCHEMAS = ("mets.xsd", "xlink.xsd", "DILCISExtensionMETS.xsd", "barnratt-cases.xsd")
MAX_CASES_ONLINE = 100  # the page builds at most this many; the command has no limit


class NothingToExport(Exception):
    """No case was decided in the period: no package is made."""


@dataclass
class Built:
    objid: str
    file_name: str
    cases: int
    files: int
    sha256: str
    size: int


def software_version() -> str:
    return getattr(settings, "BARNRATT_VERSION", "") or _pyproject_version()


def _pyproject_version() -> str:
    text = (Path(settings.BASE_DIR) / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE)
    return match.group(1) if match else "unknown"


def _safe_name(name: str, fallback: str) -> str:
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    stem = slugify(re.sub(r"[/\\:_.]", "-", stem))[:80] or fallback
    suffix = re.sub(r"[^a-z0-9]", "", suffix.lower())[:10]
    return f"{stem}.{suffix}" if suffix else stem


def build_package(
    organisation,
    start: date,
    end: date,
    output,
    *,
    by=None,
    submission_agreement: str = "",
    preservation_agent: str = "",
    job=None,
) -> Built:
    """Write the package as a ZIP to `output` (a path or a binary file) and record the export
    in the audit log. The submission agreement (leveransöverenskommelse) and the archive that
    will preserve the package go into the METS header when given."""
    created = timezone.now()
    code = organisation.scb_code or str(organisation.pk)
    objid = f"barnratt-{code}-{start:%Y%m%d}-{end:%Y%m%d}-{uuid.uuid4().hex[:12]}"
    cases = list(content.decided_cases(organisation, start, end))
    if not cases:
        raise NothingToExport
    trails = content.audit_trails(cases)

    data_files, files_of = [], {}
    data_folder = f"representations/{REP}/data"
    for case in cases:
        name = _safe_name(case.case_number, "case")
        folder = f"{data_folder}/{case.decision_date:%Y}/{name}-{case.pk}"
        paths = {"rendition": f"{folder}/case.pdf", "attachments": {}}
        attachments = []
        for number, attachment in enumerate(case.attachments.all(), start=1):
            if attachment.url or not attachment.file:
                continue
            name = _safe_name(attachment.original_name or attachment.file.name, "file")
            path = f"{folder}/attachments/{number:02d}-{name}"
            paths["attachments"][attachment.pk] = path
            with attachment.file.open("rb") as stored:
                data = stored.read()
            mimetype = (
                attachment.content_type
                or mimetypes.guess_type(name)[0]
                or "application/octet-stream"
            )
            attachments.append(
                PackageFile(
                    path,
                    data,
                    mimetype,
                    attachment.created_at,
                    original_name=attachment.original_name,
                    case_pk=case.pk,
                )
            )
        files_of[case.pk] = paths
        pdf = content.case_pdf(case, trails.get(case.pk, []), paths["attachments"])
        data_files.append(
            PackageFile(
                paths["rendition"],
                pdf,
                "application/pdf",
                created,
                case_pk=case.pk,
                is_rendition=True,
            )
        )
        data_files += attachments

    agents = {
        "software": SOFTWARE,
        "version": software_version(),
        "organisation": organisation,
        "submitter": (by.get_full_name() or by.get_username()) if by else "",
        "submission_agreement": submission_agreement.strip(),
        "preservation_agent": preservation_agent.strip(),
    }
    rep_mets = PackageFile(
        f"representations/{REP}/METS.xml",
        representation_mets(REP, data_files, created, **agents),
        "application/xml",
        created,
    )
    descriptive = PackageFile(
        "metadata/descriptive/cases.xml",
        content.descriptive_xml(organisation, start, end, cases, files_of),
        "application/xml",
        created,
    )
    fgs_cases = PackageFile(
        "metadata/descriptive/arenden.xml",
        fgs.arenden_xml(organisation, cases, files_of, {f.path: f for f in data_files}),
        "application/xml",
        created,
    )
    schemas = [
        PackageFile(f"schemas/{name}", (SCHEMAS / name).read_bytes(), "application/xml", created)
        for name in SHIPPED_SCHEMAS
    ]
    documentation = [
        PackageFile(
            "documentation/README.txt",
            readme(organisation, start, end, len(cases), objid).encode(),
            "text/plain",
            created,
        )
    ]
    preservation = PackageFile(
        "metadata/preservation/premis.xml",
        content.premis_xml(
            organisation,
            cases,
            trails,
            data_files,
            (fgs_cases, descriptive, *schemas, *documentation, rep_mets),
            software=SOFTWARE,
            version=agents["version"],
            created=created,
        ),
        "application/xml",
        created,
    )
    root_mets = package_mets(
        objid,
        label=f"{organisation.name}: decided cases {start} – {end}",
        created=created,
        descriptive=[
            ("dmd-fgs", fgs_cases, "FGS-ERMS"),
            ("dmd-cases", descriptive, "BARNRATT-CASES"),
        ],
        preservation=preservation,
        schemas=schemas,
        documentation=documentation,
        representations={REP: rep_mets},
        **agents,
    )
    members = [
        ("METS.xml", root_mets),
        *(
            (f.path, f.data)
            for f in (fgs_cases, descriptive, preservation, *schemas, *documentation)
        ),
        (rep_mets.path, rep_mets.data),
        *((f.path, f.data) for f in data_files),
    ]
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, data in members:
            archive.writestr(f"{objid}/{path}", data)
    digest, size = _digest(output)
    file_name = f"{objid}.zip"
    create_object(
        ArchiveExport,
        by=by,
        organisation=organisation,
        objid=objid,
        decided_from=start,
        decided_to=end,
        case_count=len(cases),
        case_ids=[case.pk for case in cases],
        sha256=digest,
        size=size,
        job=job,
    )
    return Built(objid, file_name, len(cases), len(members), digest, size)


def _digest(output) -> tuple[str, int]:
    from hashlib import sha256

    if isinstance(output, str | Path):
        data = Path(output).read_bytes()
    else:
        output.seek(0)
        data = output.read()
    return sha256(data).hexdigest(), len(data)


def readme(organisation, start, end, count, objid) -> str:
    return f"""Archive package {objid}

Decided cases of {organisation.name} with a decision date from {start} to {end}: {count}.
Made by {SOFTWARE} {software_version()} following E-ARK CSIP 2.1 and SIP 2.1.

METS.xml                          the package: metadata, schemas, documentation, representation
metadata/descriptive/arenden.xml  the cases and their files as FGS Ärendehantering
                                  (Riksarkivet, namespace {fgs.FGS_NS})
metadata/descriptive/cases.xml    one <case> per case (namespace {content.CASES_NS}):
                                  case number, title, body, officer, dates, assessment summary,
                                  articles, reviews, decision, follow-up, renditions, attachments
metadata/preservation/premis.xml  PREMIS 3: the cases, every file with SHA-256 and its PRONOM
                                  format id, and the audit trail of every case as events
                                  (who, what, when in UTC)
representations/rep1/METS.xml     every data file with its size and SHA-256
representations/rep1/data/<year>/<case>/case.pdf
                                  the case as PDF/A-2a: assessment, reviews, decision,
                                  follow-up, attachments and audit trail
representations/rep1/data/<year>/<case>/attachments/
                                  the attached files as they were uploaded
schemas/                          the METS, XLink and CSIP extension schemas the METS files
                                  use, and barnratt-cases.xsd for cases.xml
"""
