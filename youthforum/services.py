"""State changes for youth forums. Views, the demo and the management command call these; each
writes its audit entry in the same transaction through `core.audit`."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import create_object, update_object
from core.models import AuditEntry
from core.richtext import sanitise
from core.transitions import TransitionError
from organisations.models import Body

from . import notifications
from .models import Forum, ForumMatter, ForumMeeting, ForumMember, ForumProposal

Transition = AuditEntry.Action.TRANSITION


def _clean_rich_text(fields):
    for name in ("agenda", "minutes"):
        if name in fields:
            fields[name] = sanitise(fields[name])
    return fields


def _erased_note(names) -> str:
    labels = [str(ForumMember._meta.get_field(name).verbose_name) for name in names]
    return _("Contact details erased: %(fields)s") % {"fields": ", ".join(labels)}


# Forums ------------------------------------------------------------------------------------


def create_forum(organisation, *, by, **fields) -> Forum:
    return create_object(Forum, by=by, organisation=organisation, **fields)


def update_forum(forum: Forum, *, by, **fields) -> Forum:
    return update_object(forum, by=by, **fields)


# Members -----------------------------------------------------------------------------------


def add_member(forum: Forum, *, by, **fields) -> ForumMember:
    """A new member under a pseudonym; contact details only come with consent (the model and
    the database both refuse them otherwise)."""
    if not forum.active:
        raise TransitionError(_("The forum is not active."))
    fields.setdefault("joined_on", timezone.localdate())
    return create_object(
        ForumMember, by=by, organisation_id=forum.organisation_id, forum=forum, **fields
    )


def update_member(member: ForumMember, *, by, **fields) -> ForumMember:
    """Change a current membership. Without consent, contact details are erased at once: a
    member may withdraw consent at any time."""
    with transaction.atomic():
        member = ForumMember.objects.select_for_update().get(pk=member.pk)
        if member.left_on:
            raise TransitionError(_("The membership has ended."))
        note = ""
        if not fields.get("contact_consent", member.contact_consent):
            erased = [name for name in ForumMember.CONTACT_FIELDS if getattr(member, name)]
            fields |= dict.fromkeys(ForumMember.CONTACT_FIELDS, "")
            note = _erased_note(erased) if erased else ""
        return update_object(member, by=by, note=note, **fields)


def end_membership(member: ForumMember, *, by, left_on=None) -> ForumMember:
    """End the membership and erase the contact details in the same step."""
    with transaction.atomic():
        member = ForumMember.objects.select_for_update().select_related("forum").get(pk=member.pk)
        if member.left_on:
            raise TransitionError(_("The membership has already ended."))
        erased = [name for name in ForumMember.CONTACT_FIELDS if getattr(member, name)]
        return update_object(
            member,
            by=by,
            action=Transition,
            note=_erased_note(erased) if erased else "",
            left_on=left_on or timezone.localdate(),
            contact_consent=False,
            email="",
            phone="",
        )


def erase_contact_details(member: ForumMember, *, by) -> list[str]:
    """Erase what contact details an ended membership still holds. Returns the erased fields.

    Contact details exist only with consent (a database constraint), so withdrawing the consent
    is always a logged change; the note names the erased fields, never their values."""
    with transaction.atomic():
        member = ForumMember.objects.select_for_update().get(pk=member.pk)
        erased = [name for name in ForumMember.CONTACT_FIELDS if getattr(member, name)]
        if not erased and not member.contact_consent:
            return []
        note = _erased_note(erased) if erased else _("Consent to contact withdrawn")
        update_object(member, by=by, note=note, contact_consent=False, email="", phone="")
    return erased


def ended_with_contact_details():
    """Ended memberships that still hold contact details or consent (none should)."""
    return ForumMember.objects.filter(left_on__isnull=False).filter(
        ~Q(email="") | ~Q(phone="") | Q(contact_consent=True)
    )


# Meetings and matters ----------------------------------------------------------------------


def create_meeting(forum: Forum, *, by, **fields) -> ForumMeeting:
    return create_object(
        ForumMeeting,
        by=by,
        organisation_id=forum.organisation_id,
        forum=forum,
        **_clean_rich_text(fields),
    )


def update_meeting(meeting: ForumMeeting, *, by, **fields) -> ForumMeeting:
    return update_object(meeting, by=by, **_clean_rich_text(fields))


def raise_matter(forum: Forum, *, by, **fields) -> ForumMatter:
    return create_object(
        ForumMatter, by=by, organisation_id=forum.organisation_id, forum=forum, **fields
    )


def update_matter(matter: ForumMatter, *, by, **fields) -> ForumMatter:
    return update_object(matter, by=by, **fields)


def close_matter(matter: ForumMatter, *, by) -> ForumMatter:
    with transaction.atomic():
        matter = ForumMatter.objects.select_for_update().get(pk=matter.pk)
        if matter.status != ForumMatter.Status.OPEN:
            raise TransitionError(_("The matter is already closed."))
        return update_object(matter, by=by, action=Transition, status=ForumMatter.Status.CLOSED)


def reopen_matter(matter: ForumMatter, *, by) -> ForumMatter:
    with transaction.atomic():
        matter = ForumMatter.objects.select_for_update().get(pk=matter.pk)
        if matter.status != ForumMatter.Status.CLOSED:
            raise TransitionError(_("The matter is already open."))
        return update_object(matter, by=by, action=Transition, status=ForumMatter.Status.OPEN)


# Proposals ---------------------------------------------------------------------------------


def committees_for(forum: Forum):
    """Bodies a forum can send proposals to: its organisation's, and joint bodies serving it."""
    joint_ids = Body.joint_body_ids([forum.organisation_id])
    return Body.objects.filter(Q(organisation_id=forum.organisation_id) | Q(pk__in=joint_ids))


def send_proposal(forum: Forum, *, by, committee: Body, **fields) -> ForumProposal:
    if not committees_for(forum).filter(pk=committee.pk).exists():
        raise ValidationError({"committee": _("The forum cannot send proposals to that body.")})
    matter = fields.get("matter")
    if matter is not None and matter.forum_id != forum.pk:
        raise ValidationError({"matter": _("The matter must be one of the forum's.")})
    fields.setdefault("sent_on", timezone.localdate())
    with transaction.atomic():
        proposal = create_object(
            ForumProposal,
            by=by,
            organisation_id=forum.organisation_id,
            forum=forum,
            committee=committee,
            status=ForumProposal.Status.SENT,
            **fields,
        )
        notifications.sent(proposal, by=by)
    return proposal


def _locked_waiting(proposal: ForumProposal) -> ForumProposal:
    proposal = ForumProposal.objects.select_for_update().get(pk=proposal.pk)
    if not proposal.is_waiting:
        raise TransitionError(_("Only a proposal waiting for an answer can be changed."))
    return proposal


def record_answer(
    proposal: ForumProposal, *, by, outcome: str, answer: str, answered_on=None
) -> ForumProposal:
    """The committee's answer: accepted, partly accepted or rejected, with its words."""
    if outcome not in ForumProposal.ANSWERS:
        raise ValidationError({"outcome": _("Choose accepted, partly accepted or rejected.")})
    if not answer.strip():
        raise ValidationError({"answer": _("Write the committee's answer.")})
    with transaction.atomic():
        proposal = _locked_waiting(proposal)
        proposal = update_object(
            proposal,
            by=by,
            action=Transition,
            status=outcome,
            answer=answer,
            answered_on=answered_on or timezone.localdate(),
        )
        notifications.answered(proposal, by=by)
    return proposal


def withdraw_proposal(proposal: ForumProposal, *, by) -> ForumProposal:
    with transaction.atomic():
        proposal = _locked_waiting(proposal)
        return update_object(
            proposal, by=by, action=Transition, status=ForumProposal.Status.WITHDRAWN
        )
