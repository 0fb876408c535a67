"""Who hears about a case's hand-overs (core/notify.py): the reviewers when an assessment is
submitted, the officer when it is sent back or approved, the decision-makers when the case is
ready for decision; the officer and those who follow up decisions on the day a follow-up is
due (the daily reminder run). A decided case is sent as the `case_decided` signal for the apps
above that have something waiting on it: participation tells the children's feedback is due.
Called by the services inside their transaction; mailed after it commits."""

from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.notify import reminder, tell
from organisations.access import people_allowed

from .models import Decision

# Sent by `services.record_decision` inside its transaction, with `decision` and `by`; only
# for telling people (receivers must not change state). A custom signal rather than post_save:
# it fires for the hand-over alone, never for imports or the demo (decision 0044).
case_decided = Signal()


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


def decided(decision, *, by):
    """Nobody here waits on a decision; the apps above that do receive `case_decided`."""
    case_decided.send(sender=Decision, decision=decision, by=by)


@reminder
def follow_ups_due(day) -> int:
    """On the follow-up date: the case officer and those who may follow up the decision."""
    due = Decision.objects.filter(
        follow_up_date=day, follow_up_done_on__isnull=True
    ).select_related("case__officer", "case__organisation")
    told = 0
    for decision in due.order_by("pk"):
        case = decision.case
        told += tell(
            [case.officer, *_people(case, "follow_up", "decision")],
            subject=_("Follow up the decision: %(case)s"),
            body=_(
                "Today is the day to follow up the decision on %(case)s: did it turn out as "
                "the assessment of the child's best interests expected? Write down what you found."
            ),
            params={"case": str(case)},
            link=reverse("assessments:follow_up", args=[case.pk]),
            key=f"follow-up-due:{decision.pk}:{day.isoformat()}",
            organisation=case.organisation,
        )
    return told
