"""Changes to a network, its contact persons, meetings, joint plan and shared items. Views and the
demo call these; each writes its audit entry in the same transaction through `core.audit`."""

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from assessments import template_services
from core.audit import create_object, delete_object, update_object
from core.richtext import sanitise
from core.uploads import check_upload, display_name, stored_name
from organisations.models import Membership, Organisation
from planning import services as planning

from .models import (
    MeetingAttendance,
    MeetingDocument,
    MeetingSeries,
    Network,
    NetworkContact,
    NetworkMeeting,
    NetworkPartner,
    SavedComparison,
    SharedItem,
)

# The network itself -------------------------------------------------------------------------


def create_network(
    organisation: Organisation, *, by, member_organisations=(), member_bodies=(), **fields
) -> Network:
    return create_object(
        Network,
        by=by,
        organisation=organisation,
        m2m={
            "member_organisations": list(member_organisations),
            "member_bodies": list(member_bodies),
        },
        **fields,
    )


def update_network(
    network: Network, *, by, member_organisations=None, member_bodies=None, **fields
) -> Network:
    m2m = {}
    if member_organisations is not None:
        m2m["member_organisations"] = list(member_organisations)
    if member_bodies is not None:
        m2m["member_bodies"] = list(member_bodies)
    return update_object(network, by=by, m2m=m2m, **fields)


def delete_network(network: Network, *, by) -> None:
    delete_object(network, by=by)


def _require_member(network, organisation) -> None:
    if organisation.pk not in network.member_organisation_ids():
        raise ValidationError(
            _("%(organisation)s is not a member of %(network)s.")
            % {"organisation": organisation, "network": network}
        )


# Contact persons ---------------------------------------------------------------------------


def add_contact(network, organisation, *, by, user, role) -> NetworkContact:
    """Name one of the member organisation's own staff as its contact person in the network."""
    _require_member(network, organisation)
    if not Membership.objects.filter(user=user, organisation=organisation).exists():
        raise ValidationError({"user": _("The person does not work in this organisation.")})
    return create_object(
        NetworkContact, by=by, organisation=organisation, network=network, user=user, role=role
    )


def remove_contact(contact: NetworkContact, *, by) -> None:
    delete_object(contact, by=by)


# Meetings ----------------------------------------------------------------------------------


def _cleaned(fields: dict) -> dict:
    for name in ("agenda", "notes"):
        if name in fields:
            fields[name] = sanitise(fields[name])
    return fields


def _prepared_cases(network, cases) -> dict:
    """The cases a meeting prepares must be cases of the network's members."""
    if cases is None:
        return {}
    members = network.member_organisation_ids()
    if any(case.organisation_id not in members for case in cases):
        raise ValidationError({"cases": _("A meeting prepares the members' cases only.")})
    return {"cases": list(cases)}


def create_meeting(network, *, by, cases=None, **fields) -> NetworkMeeting:
    return create_object(
        NetworkMeeting,
        by=by,
        organisation_id=network.organisation_id,
        network=network,
        m2m=_prepared_cases(network, cases),
        **_cleaned(fields),
    )


def update_meeting(meeting: NetworkMeeting, *, by, cases=None, **fields) -> NetworkMeeting:
    m2m = _prepared_cases(meeting.network, cases)
    return update_object(meeting, by=by, m2m=m2m, **_cleaned(fields))


def create_series(network, *, by, agenda: str = "", **fields) -> MeetingSeries:
    """The series and one meeting for each of its dates, every row in the audit log."""
    with transaction.atomic():
        series = create_object(
            MeetingSeries, by=by, organisation_id=network.organisation_id, network=network, **fields
        )
        for held_on in series.occurrences():
            create_meeting(
                network,
                by=by,
                series=series,
                title=series.title,
                held_on=held_on,
                place=series.place,
                agenda=agenda,
            )
    return series


def delete_series(series: MeetingSeries, *, by, today) -> None:
    """End a series: its meetings still to come go (with their documents); those held stay,
    as records of what happened."""
    with transaction.atomic():
        for meeting in series.meetings.filter(held_on__gt=today):
            delete_meeting(meeting, by=by)
        delete_object(series, by=by)


def record_attendance(meeting: NetworkMeeting, *, by, bodies: dict, partners) -> None:
    """Replace the meeting's attendance: `bodies` maps (body, capacity) to the number present,
    `partners` lists the partners that were there."""
    members = meeting.network.member_bodies.all()
    if any(body not in members for body, _capacity in bodies):
        raise ValidationError(_("Attendance is recorded for the network's member bodies."))
    if any(partner.network_id != meeting.network_id for partner in partners):
        raise ValidationError(_("Attendance is recorded for the network's own partners."))
    with transaction.atomic():
        for row in meeting.attendance.all():
            delete_object(row, by=by)
        for (body, capacity), count in bodies.items():
            if count:
                create_object(
                    MeetingAttendance,
                    by=by,
                    organisation_id=meeting.organisation_id,
                    meeting=meeting,
                    body=body,
                    capacity=capacity,
                    attendees=count,
                )
        for partner in partners:
            create_object(
                MeetingAttendance,
                by=by,
                organisation_id=meeting.organisation_id,
                meeting=meeting,
                partner=partner,
                capacity=MeetingAttendance.Capacity.PARTNER,
            )


# Partners who are not users ----------------------------------------------------------------


def _consented(fields: dict) -> dict:
    if not fields.get("contact_consent", False):
        fields.update(contact_name="", email="", phone="")
    return fields


def add_partner(network, *, by, **fields) -> NetworkPartner:
    return create_object(
        NetworkPartner,
        by=by,
        organisation_id=network.organisation_id,
        network=network,
        **_consented(fields),
    )


def update_partner(partner: NetworkPartner, *, by, **fields) -> NetworkPartner:
    """Withdrawn consent removes the contact details at once."""
    return update_object(partner, by=by, **_consented(fields))


def remove_partner(partner: NetworkPartner, *, by) -> None:
    with transaction.atomic():
        for row in partner.attendance.all():
            delete_object(row, by=by)
        delete_object(partner, by=by)


def delete_meeting(meeting: NetworkMeeting, *, by) -> None:
    """The meeting and its documents, each removal in the audit log."""
    with transaction.atomic():
        for document in meeting.documents.all():
            remove_meeting_document(document, by=by)
        delete_object(meeting, by=by)


def add_meeting_document(meeting: NetworkMeeting, *, by, title: str, uploaded) -> MeetingDocument:
    """Attach a checked file (stored under a generated name) to a meeting: the same rules as
    every other upload (core.uploads)."""
    content_type, extension = check_upload(uploaded)
    return create_object(
        MeetingDocument,
        by=by,
        organisation_id=meeting.organisation_id,
        meeting=meeting,
        title=title,
        content_type=content_type,
        size=uploaded.size,
        original_name=display_name(uploaded.name),
        file=File(uploaded, name=stored_name(extension)),
    )


def remove_meeting_document(document: MeetingDocument, *, by) -> None:
    stored = document.file.name
    storage = document.file.storage
    delete_object(document, by=by)
    # After the transaction: a failed delete must not lose the file.
    transaction.on_commit(lambda: storage.delete(stored))


# The joint plan ----------------------------------------------------------------------------


def create_joint_plan(network, *, by, **fields):
    """The network's joint plan: an ordinary action plan of the convening organisation that
    the network's members see."""
    return planning.create_plan(network.organisation, by=by, network=network, **fields)


# Sharing -----------------------------------------------------------------------------------


def share(network, item, *, by, kind, note="") -> SharedItem:
    """Share one of a member's own items with the network. The item's organisation shares."""
    organisation = item.organisation
    if organisation is None:  # a template shipped with Barnrätt is everyone's already
        raise ValidationError(_("Only an organisation's own items can be shared."))
    _require_member(network, organisation)
    field = SharedItem.ITEM_FIELDS[kind]
    if SharedItem.objects.filter(network=network, **{field: item}).exists():
        raise ValidationError(_("This is already shared with the network."))
    return create_object(
        SharedItem,
        by=by,
        organisation=organisation,
        network=network,
        kind=kind,
        note=note,
        shared_by=by if getattr(by, "pk", None) else None,
        **{field: item},
    )


def share_comparison(network, organisation, *, by, indicator, compare, note="") -> SharedItem:
    """Save an indicator comparison as chosen on the comparison page and share it."""
    with transaction.atomic():
        comparison = create_object(
            SavedComparison,
            by=by,
            organisation=organisation,
            indicator=indicator,
            compare=list(compare)[:2],
        )
        return share(network, comparison, by=by, kind=SharedItem.Kind.COMPARISON, note=note)


def unshare(shared: SharedItem, *, by) -> None:
    """Stop sharing: the row goes, and with it every member's access, at once."""
    with transaction.atomic():
        comparison = shared.comparison
        delete_object(shared, by=by)
        if comparison is not None:
            delete_object(comparison, by=by)


def copy_shared_template(shared: SharedItem, *, by, organisation):
    """A member's own copy of an assessment template another member shares with the network,
    made with the templates' own copy service (audited there). Only while it is shared, and
    only into a member of the same network."""
    if shared.kind != SharedItem.Kind.TEMPLATE:
        raise ValidationError(_("Only a shared assessment template can be copied."))
    _require_member(shared.network, organisation)
    shared = SharedItem.objects.select_related("template").filter(pk=shared.pk).first()
    if shared is None:  # unshared meanwhile
        raise ValidationError(_("The template is no longer shared with the network."))
    return template_services.copy_template(shared.template, by=by, organisation=organisation)
