"""Who hears about a case's hand-overs (core/notify.py): the reviewers when an assessment is
submitted, the officer when it is sent back or approved, the decision-makers when the case is
ready for decision. Called by the services inside their transaction; mailed after it commits."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.notify import tell
from organisations.access import people_allowed


def _people(case, action, object_type):
    return list(people_allowed(action, object_type, case.organisation_id, case.body_id))


def submitted(assessment, *, by):
    case = assessment.case
    tell(
        _people(case, "review", "assessment"),
        subject=_("To review: %(case)s"),
        body=_("The assessment for %(case)s has been submitted and waits for your review."),
        params={"case": str(case)},
        link=reverse("assessments:review", args=[case.pk]),
        key=f"assessment-submitted:{assessment.pk}:{timezone.now().isoformat()}",
        organisation=case.organisation,
        by=by,
    )


def reviewed(review, *, by):
    """The officer hears the outcome; when approved, the decision-makers hear it waits."""
    case = review.assessment.case
    if review.outcome == review.Outcome.RETURNED:
        subject = _("Sent back: %(case)s")
        body = _("The assessment for %(case)s was sent back to you. What it lacks: %(comments)s")
    else:
        subject = _("Approved: %(case)s")
        body = _("The assessment for %(case)s was approved. %(comments)s")
    params = {"case": str(case), "comments": review.comments}
    tell(
        [case.officer],
        subject=subject,
        body=body,
        params=params,
        link=case.get_absolute_url(),
        key=f"assessment-reviewed:{review.pk}",
        organisation=case.organisation,
        by=by,
    )
    if review.outcome == review.Outcome.APPROVED:
        tell(
            _people(case, "add", "decision"),
            subject=_("To decide: %(case)s"),
            body=_("%(case)s is ready for decision."),
            params=params,
            link=reverse("assessments:decide", args=[case.pk]),
            key=f"case-ready:{review.pk}",
            organisation=case.organisation,
            by=by,
        )
