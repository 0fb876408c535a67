"""Changes to peer reviews. Each re-reads the review under `select_for_update`, checks its status,
and writes the change with its audit entry in one transaction (`core.audit`); the views, the demo
and the tests call these. A change the status does not allow raises `TransitionError`."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import create_object, delete_object, update_object
from core.models import AuditEntry
from core.transitions import TransitionError
from organisations.models import Membership
from planning import selfassessment_services
from planning import services as planning_services
from planning.models import FactorRating, SelfAssessment

from . import notifications
from .access import network_organisation_ids
from .models import DocumentRead, Finding, Interview, PeerReview, Recommendation, Status

PEER = FactorRating.Source.PEER


def _locked(review) -> PeerReview:
    return PeerReview.objects.select_for_update().select_related("network").get(pk=review.pk)


def _require_status(review, *statuses) -> None:
    if review.status not in statuses:
        raise TransitionError(
            _("Not possible while the review is %(status)s.")
            % {"status": review.get_status_display()}
        )


def _check_parties(network, organisation, reviewing, reviewers) -> None:
    members = network_organisation_ids(network)
    if organisation.pk not in members:
        raise ValidationError({"organisation": _("The reviewed organisation must be a member.")})
    reviewing_ids = {o.pk for o in reviewing}
    if not reviewing_ids:
        raise ValidationError(
            {"reviewing_organisations": _("Choose at least one reviewing organisation.")}
        )
    if not reviewing_ids <= members:
        raise ValidationError(
            {"reviewing_organisations": _("The reviewing organisations must be members.")}
        )
    if organisation.pk in reviewing_ids:
        raise ValidationError(
            {"reviewing_organisations": _("An organisation does not review itself.")}
        )
    for user in reviewers:
        if not Membership.objects.filter(user=user, organisation_id__in=reviewing_ids).exists():
            raise ValidationError(
                {"reviewers": _("A named reviewer must work in a reviewing organisation.")}
            )


def plan_review(
    network, *, by, organisation, reviewing_organisations, reviewers=(), **fields
) -> PeerReview:
    """A new review of `organisation` by `reviewing_organisations`, both members of `network`."""
    _check_parties(network, organisation, reviewing_organisations, reviewers)
    if PeerReview.objects.filter(organisation=organisation, year=fields.get("year")).exists():
        raise ValidationError(
            {"year": _("The organisation already has a peer review for that year.")}
        )
    with transaction.atomic():
        review = create_object(
            PeerReview,
            by=by,
            network=network,
            organisation=organisation,
            m2m={"reviewing_organisations": reviewing_organisations, "reviewers": reviewers},
            **fields,
        )
        notifications.planned(review, by=by)
    return review


def update_plan(
    review, *, by, reviewing_organisations=None, reviewers=None, **fields
) -> PeerReview:
    """Change the plan (not the reviewed organisation or network) before the report."""
    with transaction.atomic():
        review = _locked(review)
        _require_status(review, Status.PLANNED, Status.IN_PROGRESS)
        reviewing = (
            list(review.reviewing_organisations.all())
            if reviewing_organisations is None
            else list(reviewing_organisations)
        )
        named = list(review.reviewers.all()) if reviewers is None else list(reviewers)
        _check_parties(review.network, review.organisation, reviewing, named)
        if "year" in fields and (
            PeerReview.objects.filter(organisation=review.organisation, year=fields["year"])
            .exclude(pk=review.pk)
            .exists()
        ):
            raise ValidationError(
                {"year": _("The organisation already has a peer review for that year.")}
            )
        m2m = {"reviewing_organisations": reviewing, "reviewers": named}
        return update_object(review, by=by, m2m=m2m, **fields)


def start_review(review, *, by) -> PeerReview:
    with transaction.atomic():
        review = _locked(review)
        _require_status(review, Status.PLANNED)
        return update_object(
            review, by=by, action=AuditEntry.Action.TRANSITION, status=Status.IN_PROGRESS
        )


def _part_fields(review) -> dict:
    return {"review": review, "organisation_id": review.organisation_id}


def add_interview(review, *, by, **fields) -> Interview:
    with transaction.atomic():
        review = _locked(review)
        _require_status(review, Status.PLANNED, Status.IN_PROGRESS)
        return create_object(Interview, by=by, **_part_fields(review), **fields)


def add_document(review, *, by, **fields) -> DocumentRead:
    with transaction.atomic():
        review = _locked(review)
        _require_status(review, Status.PLANNED, Status.IN_PROGRESS)
        return create_object(DocumentRead, by=by, **_part_fields(review), **fields)


def save_finding(review, factor, *, by, text, level) -> Finding:
    """The findings and the reviewers' rating for one factor in focus."""
    with transaction.atomic():
        review = _locked(review)
        _require_status(review, Status.PLANNED, Status.IN_PROGRESS)
        if factor not in review.focus_factors:
            raise ValidationError(_("The success factor is not in the review's focus."))
        finding = Finding.objects.filter(review=review, factor=factor).first()
        if finding is None:
            return create_object(
                Finding, by=by, **_part_fields(review), factor=factor, text=text, level=level
            )
        return update_object(finding, by=by, text=text, level=level)


def add_recommendation(finding, *, by, text) -> Recommendation:
    with transaction.atomic():
        review = _locked(finding.review)
        _require_status(review, Status.PLANNED, Status.IN_PROGRESS)
        return create_object(
            Recommendation, by=by, **_part_fields(review), finding=finding, text=text
        )


def remove_part(part, *, by) -> None:
    """Remove an interview, a document or a recommendation the reviewers recorded by mistake,
    before the report."""
    with transaction.atomic():
        review = _locked(part.review)
        _require_status(review, Status.PLANNED, Status.IN_PROGRESS)
        delete_object(type(part).objects.select_for_update().get(pk=part.pk), by=by)


def _self_assessment_for(review, *, by) -> SelfAssessment:
    """The reviewed organisation's own self-assessment of the review's year, started (with
    empty self-ratings) through planning's service when there is none."""
    existing = SelfAssessment.objects.filter(
        organisation_id=review.organisation_id, body=None, year=review.year
    ).first()
    if existing is not None:
        return existing
    return selfassessment_services.start_self_assessment(
        review.organisation, by=by, year=review.year
    )


def report_review(review, *, by, summary=None) -> PeerReview:
    """Report the review: every factor in focus has findings with a rating. The ratings are
    stored on the reviewed organisation's self-assessment of the year with the source `peer`."""
    with transaction.atomic():
        review = _locked(review)
        _require_status(review, Status.IN_PROGRESS)
        findings = {f.factor: f for f in Finding.objects.filter(review=review)}
        missing = [
            factor
            for factor in review.ordered_focus
            if factor not in findings or findings[factor].level is None
        ]
        if missing:
            raise ValidationError(_("Rate every success factor in focus before reporting."))
        assessment = _self_assessment_for(review, by=by)
        peer = {
            r.factor: r for r in FactorRating.objects.filter(assessment=assessment, source=PEER)
        }
        for factor in review.ordered_focus:
            finding = findings[factor]
            fields = {"level": finding.level, "evidence": finding.text}
            rating = peer.get(factor)
            if rating is None:
                rating = create_object(
                    FactorRating,
                    by=by,
                    organisation_id=assessment.organisation_id,
                    assessment=assessment,
                    source=PEER,
                    factor=factor,
                    **fields,
                )
            else:
                rating = update_object(rating, by=by, **fields)
            update_object(finding, by=by, rating=rating)
        changes = {"status": Status.REPORTED}
        if summary is not None:
            changes["summary"] = summary
        review = update_object(review, by=by, action=AuditEntry.Action.TRANSITION, **changes)
        notifications.reported(review, by=by)
    return review


def answer_recommendation(recommendation, *, by, answer, answer_text) -> Recommendation:
    """The reviewed organisation's answer. When every recommendation is answered, the review
    is answered."""
    if answer not in Recommendation.Answer.values:
        raise ValidationError({"answer": _("Choose an answer.")})
    with transaction.atomic():
        review = _locked(recommendation.review)
        _require_status(review, Status.REPORTED, Status.ANSWERED)
        recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
        recommendation = update_object(
            recommendation,
            by=by,
            answer=answer,
            answer_text=answer_text,
            answered_at=recommendation.answered_at or timezone.now(),
        )
        waiting = Recommendation.objects.filter(review=review, answer="").exists()
        if review.status == Status.REPORTED and not waiting:
            review = update_object(
                review, by=by, action=AuditEntry.Action.TRANSITION, status=Status.ANSWERED
            )
            notifications.answered(review, by=by)
    return recommendation


def recommendation_to_activity(recommendation, goal, *, by, title, starts_on, ends_on):
    """An activity in the reviewed organisation's action plan, made from a recommendation; the
    recommendation keeps a link to it (the activity's page links back) and the activity's
    description names the review."""
    with transaction.atomic():
        review = _locked(recommendation.review)
        _require_status(review, Status.REPORTED, Status.ANSWERED)
        recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
        if recommendation.activity_id:
            raise ValidationError(_("The recommendation already has an activity."))
        if goal.organisation_id != review.organisation_id:
            raise ValidationError({"goal": _("Choose a goal in the organisation's own plan.")})
        description = _("From the peer review “%(review)s”: %(text)s") % {
            "review": review,
            "text": recommendation.text,
        }
        activity = planning_services.add_activity(
            goal,
            by=by,
            title=title,
            description=description,
            starts_on=starts_on,
            ends_on=ends_on,
        )
        update_object(recommendation, by=by, activity=activity)
    return activity
