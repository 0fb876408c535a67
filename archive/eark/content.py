"""What goes into an archive package: the decided cases of a period, each case's audit trail,
its PDF/A rendition, the descriptive metadata and the PREMIS preservation metadata."""

import json
from collections import defaultdict
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree

from assessments.exports import assessment_content
from assessments.models import Assessment, Attachment, Case, Decision, Review
from core.models import AuditEntry
from core.pdf import render_pdf
from core.richtext import plain

from .formats import premis_format

# PDF/A-2a (`core.pdf.ARCHIVE`): fonts embedded, colours defined, every character mapped to
# Unicode, and tagged (structure tree, language), so the text can be searched, copied and read
# aloud in fifty years. Accepted for long-term preservation by Riksarkivet (RA-FS 2009:2 with
# its amendments) and the national archives' e-archive profiles. Decision 0031.
PDF_NAME = "PDF/A-2a"
PDF_PART, PDF_CONFORMANCE = "2", "A"

CASES_NS = "urn:barnratt:archive:cases:1"
PREMIS_NS = "http://www.loc.gov/premis/v3"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

# PREMIS event types from the Library of Congress vocabulary (id.loc.gov/vocabulary/preservation/
# eventType) for the audit log's actions.
EVENT_TYPES = {
    AuditEntry.Action.CREATE: "creation",
    AuditEntry.Action.UPDATE: "modification",
    AuditEntry.Action.DELETE: "deletion",
    AuditEntry.Action.TRANSITION: "modification",
}


def decided_cases(organisation, start: date, end: date):
    """The organisation's cases decided from `start` to `end` (both included), oldest first."""
    return (
        Case.objects.filter(
            organisation=organisation,
            status=Case.Status.DECIDED,
            decision_date__gte=start,
            decision_date__lte=end,
        )
        .select_related(
            "body",
            "officer",
            "organisation",
            "assessment__template_version__template",
            "decision__decided_by",
        )
        .prefetch_related("attachments", "assessment__reviews__reviewer", "assessment__articles")
        .order_by("decision_date", "pk")
    )


def audit_trails(cases) -> dict[int, list[AuditEntry]]:
    """Each case's audit entries: the case's own and its assessment's, reviews', decision's and
    attachments', in time order."""
    owners = {}  # (content type id, object id) -> case pk
    for case in cases:
        owners[(Case, case.pk)] = case.pk
        assessment = _assessment(case)
        if assessment:
            owners[(Assessment, assessment.pk)] = case.pk
            for review in assessment.reviews.all():
                owners[(Review, review.pk)] = case.pk
        decision = getattr(case, "decision", None)
        if decision:
            owners[(Decision, decision.pk)] = case.pk
        for attachment in case.attachments.all():
            owners[(Attachment, attachment.pk)] = case.pk
    types = ContentType.objects.get_for_models(Case, Assessment, Review, Decision, Attachment)
    by_type = defaultdict(list)
    for model, pk in owners:
        by_type[model].append(str(pk))
    condition = Q(pk__in=[])
    for model, ids in by_type.items():
        condition |= Q(content_type=types[model], object_id__in=ids)
    keyed = {(types[model].pk, str(pk)): case_pk for (model, pk), case_pk in owners.items()}
    trails = defaultdict(list)
    entries = AuditEntry.objects.filter(condition).select_related("content_type")
    for entry in entries.order_by("created_at", "pk"):
        trails[keyed[(entry.content_type_id, entry.object_id)]].append(entry)
    return trails


def _assessment(case):
    try:
        return case.assessment
    except Assessment.DoesNotExist:
        return None


def case_pdf(case, trail, attachment_paths: dict[int, str]) -> bytes:
    """The case as PDF/A: facts, assessment, reviews, decision, follow-up, attachments and the
    audit trail."""
    assessment = _assessment(case)
    context = (
        assessment_content(case)
        if assessment
        else {"case": case, "assessment": None, "decision": getattr(case, "decision", None)}
    )
    context |= {
        "description": plain(case.description),
        "reviews": list(assessment.reviews.all()) if assessment else [],
        "attachments": [(a, attachment_paths.get(a.pk)) for a in case.attachments.all()],
        "trail": trail,
    }
    return render_pdf("archive/case_pdf.html", context, archival=True)


def _text(parent, tag, value, **attributes):
    element = etree.SubElement(parent, f"{{{CASES_NS}}}{tag}", **attributes)
    element.text = "" if value is None else str(value)
    return element


def _person(user):
    return user.get_full_name() or user.get_username() if user else ""


def descriptive_xml(organisation, start, end, cases, files_of: dict[int, dict]) -> bytes:
    """metadata/descriptive/cases.xml: one <case> per case, in the documented Barnrätt format
    (docs/operations.md, "Archive export")."""
    root = etree.Element(
        f"{{{CASES_NS}}}cases",
        nsmap={None: CASES_NS, "xsi": XSI_NS},
        organisation=organisation.name,
        scbCode=organisation.scb_code,
        decidedFrom=start.isoformat(),
        decidedTo=end.isoformat(),
    )
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{CASES_NS} ../../schemas/barnratt-cases.xsd")
    if organisation.organisation_number:
        root.set("organisationNumber", organisation.organisation_number)
    for case in cases:
        paths = files_of[case.pk]
        element = etree.SubElement(root, f"{{{CASES_NS}}}case", id=f"case-{case.pk}")
        _text(element, "caseNumber", case.case_number)
        if case.external_id:
            _text(element, "externalId", case.external_id)
        _text(element, "title", case.title)
        _text(element, "body", case.body.name)
        _text(element, "officer", _person(case.officer))
        _text(element, "description", plain(case.description))
        _text(element, "created", timezone.localtime(case.created_at).isoformat())
        _text(element, "decisionDate", case.decision_date.isoformat())
        assessment = _assessment(case)
        if assessment:
            node = etree.SubElement(
                element,
                f"{{{CASES_NS}}}assessment",
                status=assessment.status,
                template=str(assessment.template_version),
                childrenAffected=assessment.children_affected,
            )
            _text(node, "summary", assessment.summary)
            articles = etree.SubElement(node, f"{{{CASES_NS}}}articles")
            for article in assessment.articles.all():
                _text(articles, "article", article, number=str(article.number))
            for review in assessment.reviews.all():
                _text(
                    node,
                    "review",
                    review.comments,
                    outcome=review.outcome,
                    time=review.created_at.isoformat(),
                    reviewer=_person(review.reviewer),
                )
        decision = getattr(case, "decision", None)
        if decision:
            node = etree.SubElement(
                element,
                f"{{{CASES_NS}}}decision",
                decidedOn=decision.decided_on.isoformat(),
                followsBestInterests="true" if decision.follows_best_interests else "false",
                recordedBy=_person(decision.decided_by),
            )
            _text(node, "outcome", decision.outcome)
            _text(node, "reasons", decision.reasons)
            _text(node, "compensatingMeasures", decision.compensating_measures)
            _text(node, "feedbackPlan", decision.feedback_plan)
            follow_up = etree.SubElement(node, f"{{{CASES_NS}}}followUp")
            if decision.follow_up_date:
                follow_up.set("planned", decision.follow_up_date.isoformat())
            if decision.follow_up_done_on:
                follow_up.set("done", decision.follow_up_done_on.isoformat())
            follow_up.text = decision.follow_up_notes
        _text(element, "rendition", "", href=paths["rendition"], format=PDF_NAME)
        attachments = etree.SubElement(element, f"{{{CASES_NS}}}attachments")
        for attachment in case.attachments.all():
            if attachment.url:
                _text(attachments, "link", attachment.title, href=attachment.url)
            else:
                _text(
                    attachments,
                    "file",
                    attachment.title,
                    href=paths["attachments"][attachment.pk],
                    originalName=attachment.original_name,
                )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def premis_xml(
    organisation, cases, trails, data_files, other_files=(), *, software, version, created
) -> bytes:
    """metadata/preservation/premis.xml: every case as an intellectual entity, every data file
    with its fixity, every audit entry as an event, and the renditions and this package's
    creation as events of Barnrätt."""
    premis = f"{{{PREMIS_NS}}}"
    root = etree.Element(
        premis + "premis", nsmap={"premis": PREMIS_NS, "xsi": XSI_NS}, version="3.0"
    )

    def identifier(parent, kind, value, type_="local"):
        node = etree.SubElement(parent, premis + kind)
        etree.SubElement(node, premis + kind + "Type").text = type_
        etree.SubElement(node, premis + kind + "Value").text = value
        return node

    for case in cases:
        entity = etree.SubElement(
            root, premis + "object", {f"{{{XSI_NS}}}type": "premis:intellectualEntity"}
        )
        identifier(entity, "objectIdentifier", f"case-{case.pk}")
        identifier(entity, "objectIdentifier", case.case_number, type_="case number")
    # Every file of the package but this one and the root METS.xml that lists it.
    for package_file in (*data_files, *other_files):
        obj = etree.SubElement(root, premis + "object", {f"{{{XSI_NS}}}type": "premis:file"})
        identifier(obj, "objectIdentifier", package_file.path, type_="filepath")
        characteristics = etree.SubElement(obj, premis + "objectCharacteristics")
        fixity = etree.SubElement(characteristics, premis + "fixity")
        etree.SubElement(fixity, premis + "messageDigestAlgorithm").text = "SHA-256"
        etree.SubElement(fixity, premis + "messageDigest").text = package_file.sha256
        etree.SubElement(characteristics, premis + "size").text = str(package_file.size)
        premis_format(characteristics, package_file.format, package_file.mimetype)
        if package_file.original_name:
            etree.SubElement(obj, premis + "originalName").text = package_file.original_name
        if package_file.case_pk is not None:
            relationship = etree.SubElement(obj, premis + "relationship")
            etree.SubElement(relationship, premis + "relationshipType").text = "structural"
            etree.SubElement(relationship, premis + "relationshipSubType").text = "is included in"
            identifier(relationship, "relatedObjectIdentifier", f"case-{package_file.case_pk}")

    agents = {"software": (software, "software", version)}
    for case in cases:
        for entry in trails.get(case.pk, []):
            key = f"user-{entry.actor_id}" if entry.actor_id else "system"
            agents.setdefault(key, (entry.actor_label or "system", "person", None))
            event = etree.SubElement(root, premis + "event")
            identifier(event, "eventIdentifier", f"audit-{entry.pk}")
            etree.SubElement(event, premis + "eventType").text = EVENT_TYPES[entry.action]
            etree.SubElement(event, premis + "eventDateTime").text = entry.created_at.isoformat()
            detail = etree.SubElement(event, premis + "eventDetailInformation")
            etree.SubElement(detail, premis + "eventDetail").text = (
                f"{entry.content_type.model} {entry.object_repr}: {entry.get_action_display()}"
                + (f" ({entry.note})" if entry.note else "")
            )
            if entry.changes:
                outcome = etree.SubElement(event, premis + "eventOutcomeInformation")
                note = etree.SubElement(outcome, premis + "eventOutcomeDetail")
                etree.SubElement(note, premis + "eventOutcomeDetailNote").text = json.dumps(
                    entry.changes, ensure_ascii=False, sort_keys=True
                )
            link = identifier(event, "linkingAgentIdentifier", key)
            etree.SubElement(link, premis + "linkingAgentRole").text = "implementer"
            identifier(event, "linkingObjectIdentifier", f"case-{case.pk}")
    for package_file in data_files:
        if package_file.is_rendition:
            event = etree.SubElement(root, premis + "event")
            identifier(event, "eventIdentifier", f"rendition-{package_file.case_pk}")
            etree.SubElement(event, premis + "eventType").text = "creation"
            etree.SubElement(event, premis + "eventDateTime").text = created.isoformat()
            detail = etree.SubElement(event, premis + "eventDetailInformation")
            etree.SubElement(detail, premis + "eventDetail").text = _(
                "PDF/A rendition of the case made for archiving"
            )
            link = identifier(event, "linkingAgentIdentifier", "software")
            etree.SubElement(link, premis + "linkingAgentRole").text = "executing program"
            identifier(event, "linkingObjectIdentifier", package_file.path, type_="filepath")
    for key, (name, kind, agent_version) in agents.items():
        agent = etree.SubElement(root, premis + "agent")
        identifier(agent, "agentIdentifier", key)
        etree.SubElement(agent, premis + "agentName").text = name
        etree.SubElement(agent, premis + "agentType").text = kind
        if agent_version:
            etree.SubElement(agent, premis + "agentVersion").text = agent_version
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
