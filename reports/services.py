"""Changes to yearly reports. Views, the demo and commands call these; each writes its audit
entry in the same transaction through `core.audit`.

Draft → (sent for approval) → approved (by a decision-maker) → published. Changing the texts
of an approved or published report takes it back to draft; publishing freezes a new
`ReportVersion`."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core import notify
from core.audit import create_object, delete_object, update_object
from core.models import AuditEntry
from core.transitions import TransitionError
from organisations.permissions import allowed_roles

from . import notifications
from .document import build_document
from .models import OwnSection, Report, ReportVersion

NARRATIVE_FIELDS = ("foreword", "analysis", "priorities", "overrides")


def _slug(organisation, body, year) -> str:
    base = slugify((body or organisation).name)[:70] or "rapport"
    slug, n = base, 2
    while Report.objects.filter(slug=slug, year=year).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def default_title(organisation, body, year) -> str:
    return _("Yearly account for public health and the rights of the child %(year)s – %(name)s") % {
        "year": year,
        "name": body or organisation,
    }


def create_report(organisation, *, by, year, body=None, title="") -> Report:
    return create_object(
        Report,
        by=by,
        organisation=organisation,
        body=body,
        year=year,
        title=title or default_title(organisation, body, year),
        slug=_slug(organisation, body, year),
    )


def _locked(report) -> Report:
    # Only the report's row is locked: PostgreSQL refuses FOR UPDATE on the outer join to a
    # missing joint body.
    return (
        Report.objects.select_for_update(of=("self",))
        .select_related("organisation", "body")
        .get(pk=report.pk)
    )


def update_texts(report: Report, *, by, **fields) -> Report:
    """Change the title or the coordinator's texts. An approved or published report goes back
    to draft: what the decision-maker approved has changed."""
    unknown = set(fields) - {"title", *NARRATIVE_FIELDS}
    if unknown:
        raise ValueError(f"Not a text of the report: {sorted(unknown)}")
    if "overrides" in fields:
        fields["overrides"] = {k: v.strip() for k, v in fields["overrides"].items() if v.strip()}
    if "analysis" in fields:
        fields["analysis"] = {k: v.strip() for k, v in fields["analysis"].items() if v.strip()}
    with transaction.atomic():
        locked = _locked(report)
        before = {name: getattr(locked, name) for name in fields}
        changed = any(before[name] != value for name, value in fields.items())
        if changed and locked.status != Report.Status.DRAFT:
            fields |= {
                "status": Report.Status.DRAFT,
                "approved_by": None,
                "approved_at": None,
                "sent_for_approval_at": None,
            }
        return update_object(locked, by=by, **fields)


OWN_SECTION_FIELDS = ("part", "title", "text", "order")
BACK_TO_DRAFT = {"approved_by": None, "approved_at": None, "sent_for_approval_at": None}


def _back_to_draft(locked: Report, *, by) -> None:
    """What the decision-maker approved has changed: approve it again."""
    if locked.status != Report.Status.DRAFT:
        update_object(locked, by=by, status=Report.Status.DRAFT, **BACK_TO_DRAFT)


def _own_section_fields(fields) -> dict:
    unknown = set(fields) - set(OWN_SECTION_FIELDS)
    if unknown:
        raise ValueError(f"Not a field of an own section: {sorted(unknown)}")
    return {
        name: value.strip() if isinstance(value, str) else value for name, value in fields.items()
    }


def create_own_section(report: Report, *, by, **fields) -> OwnSection:
    """A section of the coordinator's own in one of the account's parts."""
    fields = _own_section_fields(fields)
    with transaction.atomic():
        locked = _locked(report)
        section = create_object(OwnSection, by=by, report=locked, **fields)
        _back_to_draft(locked, by=by)
    return section


def update_own_section(section: OwnSection, *, by, **fields) -> OwnSection:
    fields = _own_section_fields(fields)
    with transaction.atomic():
        locked = _locked(section.report)
        current = OwnSection.objects.select_for_update().get(pk=section.pk)
        current.report = locked
        if any(getattr(current, name) != value for name, value in fields.items()):
            _back_to_draft(locked, by=by)
        return update_object(current, by=by, **fields)


def delete_own_section(section: OwnSection, *, by) -> None:
    with transaction.atomic():
        locked = _locked(section.report)
        section.report = locked
        delete_object(section, by=by)
        _back_to_draft(locked, by=by)


def send_for_approval(report: Report, *, by, link: str = "") -> Report:
    """The coordinator is done: the draft waits on the decision-makers' start pages, and they
    are told by e-mail (a job, after the transaction: reports.jobs.notify_approvers)."""
    from . import jobs  # jobs imports this module

    with transaction.atomic():
        locked = _locked(report)
        if locked.status != Report.Status.DRAFT:
            raise TransitionError(_("Only a draft can be sent for approval."))
        if locked.sent_for_approval_at:
            raise TransitionError(_("The report has already been sent for approval."))
        sent = update_object(
            locked,
            by=by,
            action=AuditEntry.Action.TRANSITION,
            sent_for_approval_at=timezone.now(),
        )
        transaction.on_commit(lambda: jobs.start_notifying_approvers(sent, by=by, link=link))
    return sent


def approve_report(report: Report, *, by) -> Report:
    with transaction.atomic():
        locked = _locked(report)
        if locked.status != Report.Status.DRAFT:
            raise TransitionError(_("Only a draft can be approved."))
        approved = update_object(
            locked,
            by=by,
            action=AuditEntry.Action.TRANSITION,
            status=Report.Status.APPROVED,
            approved_by=by,
            approved_at=timezone.now(),
        )
        notifications.approved(approved, by=by)
    return approved


def reopen_report(report: Report, *, by) -> Report:
    """Start the next version of a published report: back to draft, to be approved again."""
    with transaction.atomic():
        locked = _locked(report)
        if locked.status != Report.Status.PUBLISHED:
            raise TransitionError(_("Only a published report can be reopened."))
        return update_object(
            locked,
            by=by,
            action=AuditEntry.Action.TRANSITION,
            status=Report.Status.DRAFT,
            approved_by=None,
            approved_at=None,
            sent_for_approval_at=None,
        )


def publish_report(report: Report, *, by, as_of=None) -> ReportVersion:
    """Freeze the report as it reads now into a new version and make it public."""
    with transaction.atomic():
        locked = _locked(report)
        if locked.status != Report.Status.APPROVED:
            raise TransitionError(_("Only an approved report can be published."))
        data = build_document(locked, as_of=as_of)
        number = (locked.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = create_object(
            ReportVersion,
            by=by,
            organisation_id=locked.organisation_id,
            report=locked,
            number=number,
            published_at=timezone.now(),
            published_by=by,
            data=data,
        )
        update_object(
            locked,
            by=by,
            action=AuditEntry.Action.TRANSITION,
            note=_("Version %(number)s published") % {"number": number},
            status=Report.Status.PUBLISHED,
        )
    return version


def approvers(report: Report):
    """The active people whose role lets them approve the report: in its organisation, or on
    its body for a body's report."""
    roles = allowed_roles("report", "approve")
    where = Q(memberships__body__isnull=True)
    if report.body_id:
        where |= Q(memberships__body_id=report.body_id)
    return (
        get_user_model()
        .objects.filter(
            where,
            is_active=True,
            memberships__organisation_id=report.organisation_id,
            memberships__role__in=roles,
        )
        .distinct()
    )


def approver_addresses(report: Report) -> list[str]:
    """Those who chose to hear at once (core/notify.py); the others read it on their start
    page or in their daily digest."""
    told = approvers(report).exclude(email="").filter(notify_by_email=notify.IMMEDIATELY)
    return sorted(set(told.values_list("email", flat=True)))
