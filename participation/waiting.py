"""Start-page items: consultations whose cases are decided and still wait for feedback."""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext as _

from assessments.models import Case
from core.start import WaitingItem, waiting_provider
from organisations.access import user_access
from organisations.permissions import allowed_roles

from .models import Consultation, Feedback


def waiting_for_feedback(user):
    """Consultations the user may write feedback for, whose linked case is decided and whose
    feedback is not yet published."""
    roles = allowed_roles("feedback", "add")
    access = user_access(user)
    organisations = None
    if not user.is_superuser:
        organisations = [pk for pk in access.organisation_ids if access.roles_in(pk) & roles]
    decided = Case.objects.filter(consultations=OuterRef("pk"), status=Case.Status.DECIDED)
    published = Feedback.objects.filter(consultation=OuterRef("pk"), published_at__isnull=False)
    consultations = Consultation.objects.visible_to(user).filter(
        Exists(decided), ~Exists(published)
    )
    if organisations is not None:
        consultations = consultations.filter(organisation_id__in=organisations)
    return consultations.exclude(status=Consultation.Status.DRAFT)


@waiting_provider
def feedback_waiting(user):
    return [
        WaitingItem(
            label=_("Tell the children what happened: %(title)s") % {"title": consultation},
            url=reverse("participation:feedback_edit", args=[consultation.pk]),
        )
        for consultation in waiting_for_feedback(user)[:10]
    ]
