"""Who hears that children wait to hear back (core/notify.py): when a case linked to a
consultation is decided, those who may write the consultation's feedback — the dialogue
leaders of its organisation (and body) and the person who started it."""

from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from assessments.notifications import case_decided
from core.notify import tell
from organisations.access import people_allowed

from .models import Consultation, Feedback


@receiver(case_decided, dispatch_uid="participation.feedback_due")
def feedback_due(sender, *, decision, by, **kwargs):
    """Each consultation for the case that is out with the children and not yet answered."""
    published = Feedback.objects.filter(published_at__isnull=False).values("consultation_id")
    consultations = (
        Consultation.objects.filter(cases=decision.case_id)
        .exclude(status=Consultation.Status.DRAFT)
        .exclude(pk__in=published)
        .select_related("organisation", "created_by")
    )
    case = decision.case
    for consultation in consultations.order_by("pk"):
        people = people_allowed(
            "add", "feedback", consultation.organisation_id, consultation.body_id
        )
        tell(
            [*people, consultation.created_by],
            subject=_("Tell the children what happened: %(title)s"),
            body=_(
                "%(case)s has been decided. The children who answered %(title)s wait to hear "
                "what was decided and how their views counted. Write the feedback and publish "
                "it on the same link."
            ),
            params={"case": str(case), "title": consultation.title},
            link=reverse("participation:feedback_edit", args=[consultation.pk]),
            key=f"feedback-due:{consultation.pk}:{decision.pk}",
            organisation=consultation.organisation,
            by=by,
        )
