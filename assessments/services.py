"""State changes for cases, assessments, reviews and decisions. Each transition checks that it is
allowed from the current state and writes its audit entry in the same transaction."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from convention.models import Article
from core.audit import create_object, delete_object, update_object
from core.models import AuditEntry
from core.richtext import sanitise
from core.transitions import TransitionError
from core.uploads import check_upload, display_name, stored_name

from . import notifications
from .completeness import is_complete
from .models import Assessment, Attachment, Case, Decision, Review, TemplateVersion
from .questions import children_may_be_affected, is_answered
from .summary import generate_summary

Transition = AuditEntry.Action.TRANSITION


@dataclass
class StaleAssessment(Exception):
    """Someone else saved the assessment after this user loaded it."""

    assessment: Assessment
    changed_keys: list


def _person(by):
    """The user behind a change, or None for the system or an API client (not a person)."""
    return by if getattr(by, "pk", None) else None


def _require_status(obj, allowed, message):
    if obj.status not in allowed:
        raise TransitionError(message)


def create_case(organisation, *, by, body, **fields) -> Case:
    if body.organisation_id != organisation.pk:
        raise ValidationError({"body": _("The body must belong to the same organisation.")})
    if "description" in fields:
        fields["description"] = sanitise(fields["description"])
    return create_object(Case, by=by, organisation=organisation, body=body, **fields)


def update_case(case: Case, *, by, **fields) -> Case:
    if case.status == Case.Status.DECIDED:
        raise TransitionError(_("A decided case can no longer be changed."))
    if "description" in fields:
        fields["description"] = sanitise(fields["description"])
    return update_object(case, by=by, **fields)


def upsert_case(organisation, *, by, external_id: str, **fields) -> tuple[Case, bool]:
    """Create or update the case with this id from the case-management system. Unchanged data
    writes nothing, so the same request twice changes nothing."""
    with transaction.atomic():
        case = (
            Case.objects.select_for_update()
            .filter(organisation=organisation, external_id=external_id)
            .first()
        )
        if case is None:
            return create_case(organisation, by=by, external_id=external_id, **fields), True
        changed = {name: value for name, value in fields.items() if getattr(case, name) != value}
        if changed:
            update_case(case, by=by, **changed)
        return case, False


def start_assessment(case: Case, *, by, version: TemplateVersion) -> Assessment:
    """Begin the assessment with a published template version; the case is then in preparation."""
    if not version.is_published:
        raise TransitionError(_("Only a published template version can be used."))
    if hasattr(case, "assessment"):
        raise TransitionError(_("The case already has an assessment."))
    _require_status(
        case,
        {Case.Status.DRAFT, Case.Status.IN_PREPARATION},
        _("An assessment can only be started while the case is being prepared."),
    )
    with transaction.atomic():
        assessment = create_object(
            Assessment,
            by=by,
            organisation_id=case.organisation_id,
            case=case,
            template_version=version,
            updated_by=_person(by),
        )
        if case.status == Case.Status.DRAFT:
            update_object(case, by=by, action=Transition, status=Case.Status.IN_PREPARATION)
    return assessment


def save_answers(
    assessment: Assessment, *, by, answers: dict, expected_version: int, summary: str | None = None
) -> Assessment:
    """Store answers unless someone else saved in between (optimistic locking). `summary` is
    the officer's own text; None keeps the summary made from the answers up to date, unless the
    stored one was edited (then the pages say it may be out of date)."""
    with transaction.atomic():
        current = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if current.lock_version != expected_version:
            changed = sorted(
                k
                for k in set(current.answers) | set(answers)
                if current.answers.get(k) != answers.get(k)
            )
            raise StaleAssessment(current, changed)
        _require_status(
            current,
            {Assessment.Status.IN_PROGRESS, Assessment.Status.RETURNED},
            _("The assessment is with the reviewer and cannot be changed now."),
        )
        fields = {
            "answers": answers,
            "updated_by": _person(by),
            "lock_version": current.lock_version + 1,
            "children_affected": answers.get("children_affected") or "",
        }
        if summary is not None:
            fields["summary"] = summary
        elif not current.summary or current.summary == generate_summary(
            assessment.case, current.answers, current.template_version.sections
        ):
            # Nobody edited the summary: it follows the answers, so it never goes stale.
            fields["summary"] = generate_summary(
                assessment.case, answers, current.template_version.sections
            )
        updated = update_object(current, by=by, **fields)
        numbers = answers.get("articles") or []
        updated.articles.set(Article.objects.filter(number__in=numbers))
    return updated


def _locked(assessment: Assessment) -> Assessment:
    """Re-read the assessment and its case under a row lock, so two people cannot make the same
    transition at once, and the check sees the stored state rather than a stale copy."""
    return (
        Assessment.objects.select_for_update()
        .select_related("case", "template_version")
        .get(pk=assessment.pk)
    )


def submit_for_review(assessment: Assessment, *, by) -> Assessment:
    with transaction.atomic():
        assessment = _locked(assessment)
        _require_status(
            assessment,
            {Assessment.Status.IN_PROGRESS, Assessment.Status.RETURNED},
            _("The assessment has already been submitted."),
        )
        answers = assessment.answers
        if not is_answered(answers.get("children_affected")):
            raise TransitionError(_("Answer whether children are affected before submitting."))
        if not children_may_be_affected(answers) and not is_answered(
            answers.get("not_affected_reason")
        ):
            raise TransitionError(
                _("Give a reason why children are not affected before submitting.")
            )
        update_object(assessment, by=by, action=Transition, status=Assessment.Status.SUBMITTED)
        if assessment.case.status == Case.Status.RETURNED:
            update_object(
                assessment.case, by=by, action=Transition, status=Case.Status.IN_PREPARATION
            )
        notifications.submitted(assessment, by=by)
    return assessment


def approve_assessment(assessment: Assessment, *, by, comments="") -> Review:
    """The reviewer finds the basis sufficient: the case is ready for decision."""
    with transaction.atomic():
        assessment = _locked(assessment)
        _require_status(
            assessment,
            {Assessment.Status.SUBMITTED},
            _("Only a submitted assessment can be approved."),
        )
        if not is_complete(assessment.template_version.sections, assessment.answers):
            raise TransitionError(_("The basis is not complete yet: see what it lacks."))
        return _conclude_review(
            assessment,
            by=by,
            comments=comments,
            outcome=Review.Outcome.APPROVED,
            case_status=Case.Status.READY_FOR_DECISION,
        )


def return_assessment(assessment: Assessment, *, by, comments: str) -> Review:
    """Send the case back (återremiss): the basis is insufficient. Comments say why."""
    if not comments.strip():
        raise ValidationError({"comments": _("Say what the assessment lacks.")})
    with transaction.atomic():
        assessment = _locked(assessment)
        case = assessment.case
        allowed = (
            assessment.status == Assessment.Status.SUBMITTED
            or case.status == Case.Status.READY_FOR_DECISION
        )
        if not allowed:
            raise TransitionError(
                _("Only a submitted assessment or a case ready for decision can be returned.")
            )
        return _conclude_review(
            assessment,
            by=by,
            comments=comments,
            outcome=Review.Outcome.RETURNED,
            case_status=Case.Status.RETURNED,
        )


def _conclude_review(assessment, *, by, comments, outcome, case_status) -> Review:
    """The review record, and the assessment and case moved on; inside the caller's transaction."""
    review = create_object(
        Review,
        by=by,
        organisation_id=assessment.organisation_id,
        assessment=assessment,
        reviewer=by,
        outcome=outcome,
        comments=comments,
    )
    # Review and assessment statuses share their names (approved, returned).
    update_object(assessment, by=by, action=Transition, status=outcome)
    update_object(assessment.case, by=by, action=Transition, status=case_status)
    notifications.reviewed(review, by=by)
    return review


def record_decision(case: Case, *, by, **fields) -> Decision:
    """Record the decision and how it weighed the child's best interests."""
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        _require_status(
            case,
            {Case.Status.READY_FOR_DECISION},
            _("Only a case ready for decision can be decided."),
        )
        decision = create_object(
            Decision,
            by=by,
            organisation_id=case.organisation_id,
            case=case,
            decided_by=by,
            **fields,
        )
        update_object(
            case,
            by=by,
            action=Transition,
            status=Case.Status.DECIDED,
            decision_date=decision.decided_on,
        )
        notifications.decided(decision, by=by)
    return decision


def record_follow_up(decision: Decision, *, by, notes: str, done_on=None) -> Decision:
    return update_object(
        decision, by=by, follow_up_done_on=done_on or timezone.localdate(), follow_up_notes=notes
    )


def add_attachment(case: Case, *, by, title: str, uploaded=None, url: str = "") -> Attachment:
    """Attach a checked file (stored under a generated name) or a link to the case."""
    if bool(uploaded) == bool(url):
        raise ValidationError(_("Attach either a file or a link."))
    fields = {"organisation_id": case.organisation_id, "case": case, "title": title, "url": url}
    if uploaded:
        content_type, extension = check_upload(uploaded)
        fields |= {
            "content_type": content_type,
            "size": uploaded.size,
            "original_name": display_name(uploaded.name),
            "file": File(uploaded, name=stored_name(extension)),
        }
    return create_object(Attachment, by=by, **fields)


def remove_attachment(attachment: Attachment, *, by) -> None:
    stored = attachment.file.name if attachment.file else None
    delete_object(attachment, by=by)
    if stored:
        # After the transaction: a failed delete must not lose the file.
        transaction.on_commit(lambda: attachment.file.storage.delete(stored))
