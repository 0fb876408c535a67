"""metadata/descriptive/arenden.xml: the decided cases as FGS Ärendehantering describes cases
and their records (Riksarkivet's FGS for case management, RAFGS3V1.0, namespace
`http://xml.ra.se/e-arkiv/FGS-ERMS`), so that an e-archive that takes FGS Ärendehantering reads
the package without knowing Barnrätt. The mapping is in docs/decisions/0037 and
docs/operations.md; what FGS has no element for goes into its own elements (EgnaElement).

Riksarkivet's XSD is not shipped: it is published on riksarkivet.se only, which this project's
build cannot reach. The element names and their order follow the specification."""

import posixpath
from datetime import datetime, time

from django.utils import timezone
from lxml import etree

from core.richtext import plain

FGS_NS = "http://xml.ra.se/e-arkiv/FGS-ERMS"
SCHEMA_LOCATION = f"{FGS_NS} http://xml.ra.se/e-arkiv/FGS-ERMS/Arendehantering.xsd"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
F = f"{{{FGS_NS}}}"
CASE_TYPE = "Prövning av barnets bästa"
RENDITION_TYPE = "Prövning av barnets bästa med beslut"
# A decided case is closed: the decision and its follow-up plan are in the package.
CASE_STATUS = "Avslutat"


def _add(parent, tag, value=None, **attributes):
    node = etree.SubElement(parent, F + tag, {k: v for k, v in attributes.items() if v})
    if value is not None:
        node.text = value
    return node


def _moment(value) -> str:
    """xs:dateTime in local time with its offset; a date alone as that day's start."""
    if not isinstance(value, datetime):
        value = timezone.make_aware(datetime.combine(value, time()))
    return timezone.localtime(value).replace(microsecond=0).isoformat()


def _person(user):
    return (user.get_full_name() or user.get_username()) if user else ""


def _own(parent, values: list[tuple[str, str, str]]):
    """EgnaElement: Barnrätt's facts that FGS has no element for, each named and typed."""
    values = [(name, kind, value) for name, kind, value in values if value not in ("", None)]
    if not values:
        return
    own = _add(parent, "EgnaElement")
    _add(own, "EgnaElementBeskrivning", "Barnrätt: prövning av barnets bästa")
    for name, kind, value in values:
        element = _add(own, "EgetElement", Namn=name, DataTyp=kind)
        _add(element, "Varde", str(value))


def _attachment(parent, package_file, *, description=""):
    """Bilaga: the file in the package, by its path from this XML file's folder."""
    link = posixpath.relpath(package_file.path, "metadata/descriptive")
    _add(
        parent,
        "Bilaga",
        Namn=posixpath.basename(package_file.path),
        Beskrivning=description,
        Lank=link,
        Storlek=str(package_file.size),
        Mimetyp=package_file.mimetype,
        Checksumma=package_file.sha256,
        ChecksummaMetod="SHA-256",
    )


def _record(parent, number, *, case, kind, title, created, package_file, status=""):
    record = _add(
        parent, "ArkivobjektHandling", Systemidentifierare=f"barnratt:{package_file.path}"
    )
    _add(record, "ArkivobjektID", f"{case.case_number}:{number}")
    _add(record, "Handlingstyp", kind)
    _add(record, "Lopnummer", str(number))
    _add(record, "Rubrik", title)
    _add(record, "Skapad", _moment(created))
    if status:
        _add(record, "StatusHandling", status)
    _attachment(record, package_file)
    return record


def arenden_xml(organisation, cases, files_of: dict[int, dict], files: dict[str, object]) -> bytes:
    """One ArkivobjektArende per case with its records (the PDF/A rendition of the case and the
    attached files) as ArkivobjektHandling. `files` maps a package path to its PackageFile."""
    root = etree.Element(F + "Leveransobjekt", nsmap={None: FGS_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION)
    structure = _add(root, "ArkivbildarStruktur")
    creator = _add(structure, "Arkivbildare")
    _add(creator, "Namn", organisation.name)
    _own(
        root,
        [
            ("Organisationsnummer", "string", organisation.organisation_number),
            ("Kommunkod", "string", organisation.scb_code),
        ],
    )
    listing = _add(root, "ArkivobjektListaArenden")
    for case in cases:
        listing.append(_case(organisation, case, files_of[case.pk], files))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _case(organisation, case, paths, files):
    element = etree.Element(F + "ArkivobjektArende", Systemidentifierare=f"barnratt:case:{case.pk}")
    _add(element, "ArkivobjektID", case.case_number)
    if case.external_id:
        _add(element, "ExtraID", case.external_id, ExtraIDTyp="Ärendehanteringssystemets id")
    _add(element, "ArendeTyp", CASE_TYPE)
    decision = getattr(case, "decision", None)
    _add(element, "Avslutat", _moment(case.decision_date))
    if case.description:
        _add(element, "Beskrivning", plain(case.description))
    if decision:
        _add(element, "Beslutat", _moment(decision.decided_on))
    if case.officer:
        agent = _add(element, "Agent")
        _add(agent, "Roll", "Handläggare")
        _add(agent, "Namn", _person(case.officer))
        _add(agent, "Organisationsnamn", organisation.name)
        _add(agent, "Enhetsnamn", case.body.name)
    if decision:
        _add(element, "Notering", decision.outcome)
    _add(element, "Skapad", _moment(case.created_at))
    _add(element, "StatusArande", CASE_STATUS)
    _add(element, "Arendemening", case.title)
    assessment = getattr(case, "assessment", None)  # None when the case has none
    _own(
        element,
        [
            ("Beslutsorgan", "string", case.body.name),
            ("BarnPaverkas", "string", assessment.children_affected if assessment else ""),
            (
                "Artiklar",
                "string",
                ", ".join(str(a.number) for a in assessment.articles.all()) if assessment else "",
            ),
            ("Sammanfattning", "string", assessment.summary if assessment else ""),
            (
                "BeslutFoljerBarnetsBasta",
                "boolean",
                ("true" if decision.follows_best_interests else "false") if decision else "",
            ),
            ("Skal", "string", decision.reasons if decision else ""),
            ("KompenserandeAtgarder", "string", decision.compensating_measures if decision else ""),
            ("Aterkoppling", "string", decision.feedback_plan if decision else ""),
            (
                "Uppfoljning",
                "date",
                decision.follow_up_date.isoformat() if decision and decision.follow_up_date else "",
            ),
        ],
    )
    records = _add(element, "ArkivobjektListaHandlingar")
    rendition = files[paths["rendition"]]
    _record(
        records,
        1,
        case=case,
        kind=RENDITION_TYPE,
        title=f"{CASE_TYPE}: {case.title}",
        created=rendition.created,
        package_file=rendition,
        status="Upprättad",
    )
    number = 1
    for attachment in case.attachments.all():
        path = paths["attachments"].get(attachment.pk)
        if path is None:  # a link, not a file: it stays in the case's PDF and own XML
            continue
        number += 1
        _record(
            records,
            number,
            case=case,
            kind="Bilaga",
            title=attachment.title,
            created=attachment.created_at,
            package_file=files[path],
        )
    return element
