"""Who hears that a policy document is due for revision (core/notify.py): those who may change
it, by the daily reminder run, on the day the revision comes within REVISION_WARNING_DAYS
(when it starts to wait on their start page) and on the revision day itself."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.notify import reminder, tell
from organisations.access import people_allowed

from .models import Policy
from .models.policies import REVISION_WARNING_DAYS


@reminder
def revisions_due(day) -> int:
    soon = day + datetime.timedelta(days=REVISION_WARNING_DAYS)
    due = Policy.objects.filter(next_revision__in=(day, soon)).select_related("organisation")
    told = 0
    for policy in due.order_by("pk"):
        told += tell(
            people_allowed("change", "policy", policy.organisation_id, policy.responsible_body_id),
            subject=_("Revise %(title)s (next revision %(date)s)"),
            body=_(
                "%(title)s is to be revised by %(date)s. Start the revision in good time: who "
                "takes part, and how children and young people are heard."
            ),
            params={"title": policy.title, "date": policy.next_revision.isoformat()},
            link=reverse("planning:policy_detail", args=[policy.pk]),
            key=f"policy-revision-due:{policy.pk}:{day.isoformat()}",
            organisation=policy.organisation,
        )
    return told
