"""Changes to the yearly self-assessment. Each writes its audit entries in the same transaction
through `core.audit`; the views, the demo and the tests call these."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import create_object, update_object
from training.models import TrainingSession

from .models import ActionPlan, FactorRating, Policy, SelfAssessment
from .success_factors import SuccessFactor


def start_self_assessment(organisation, *, by, year, body=None, summary="") -> SelfAssessment:
    """A new year's self-assessment with an empty self-rating for each of the seven factors."""
    with transaction.atomic():
        owner = SelfAssessment(organisation=organisation, body=body, year=year)
        if owner.same_owner().filter(year=year).exists():
            raise ValidationError({"year": _("There is already a self-assessment for that year.")})
        assessment = create_object(
            SelfAssessment, by=by, organisation=organisation, body=body, year=year, summary=summary
        )
        for factor in SuccessFactor.values:
            create_object(
                FactorRating,
                by=by,
                organisation=organisation,
                assessment=assessment,
                factor=factor,
            )
    return assessment


def _check_evidence(assessment, policies, plans, cases, trainings=()) -> None:
    """Evidence is the assessment's own: its organisation's documents, plans, cases and
    trainings."""
    organisation_id = assessment.organisation_id
    if any(policy.organisation_id != organisation_id for policy in policies):
        raise ValidationError(_("Choose only the organisation's own policy documents."))
    if any(plan.organisation_id != organisation_id for plan in plans):
        raise ValidationError(_("Choose only the organisation's own action plans."))
    if any(case.organisation_id != organisation_id for case in cases):
        raise ValidationError(_("Link only cases of the same organisation."))
    if any(training.organisation_id != organisation_id for training in trainings):
        raise ValidationError(_("Choose only the organisation's own trainings."))


def save_self_assessment(
    assessment: SelfAssessment, *, by, summary=None, ratings: dict
) -> SelfAssessment:
    """Save the year's form: the summary and, per factor, the level, evidence and next steps.

    `ratings` maps a factor to its fields; `policies`, `plans`, `cases` and `trainings` are
    lists. Only the
    fields that changed are written and logged, one audit entry per changed rating.
    """
    unknown = set(ratings) - set(SuccessFactor.values)
    if unknown:
        raise ValidationError(_("Unknown success factor."))
    with transaction.atomic():
        assessment = SelfAssessment.objects.select_for_update().get(pk=assessment.pk)
        if summary is not None:
            assessment = update_object(assessment, by=by, summary=summary)
        current = {
            rating.factor: rating
            for rating in assessment.ratings.filter(source=FactorRating.Source.SELF)
        }
        for factor, fields in ratings.items():
            fields = dict(fields)
            m2m = {
                name: list(fields.pop(name))
                for name in ("policies", "plans", "cases", "trainings")
                if name in fields
            }
            _check_evidence(
                assessment,
                m2m.get("policies", ()),
                m2m.get("plans", ()),
                m2m.get("cases", ()),
                m2m.get("trainings", ()),
            )
            rating = current.get(factor)
            if rating is None:
                create_object(
                    FactorRating,
                    by=by,
                    m2m=m2m,
                    organisation_id=assessment.organisation_id,
                    assessment=assessment,
                    factor=factor,
                    **fields,
                )
            else:
                update_object(rating, by=by, m2m=m2m, **fields)
    return assessment


# Trainings offered as evidence: those of the assessment's year and the two years before.
TRAINING_YEARS = 3


def evidence_choices(assessment: SelfAssessment):
    """The documents, plans and recent trainings a rating may point to: the organisation's
    own."""

    organisation_id = assessment.organisation_id
    policies = Policy.objects.filter(organisation_id=organisation_id).order_by("title", "id")
    plans = ActionPlan.objects.filter(organisation_id=organisation_id).order_by("-start_year", "id")
    trainings = TrainingSession.objects.filter(
        organisation_id=organisation_id,
        held_on__year__lte=assessment.year,
        held_on__year__gt=assessment.year - TRAINING_YEARS,
    ).order_by("-held_on", "id")
    return policies, plans, trainings
