"""Who hears that a yearly report was approved (core/notify.py): those who may publish it —
the coordinators who wrote it and sent it for approval. (The approvers are told when it is
sent, by `reports.jobs.notify_approvers`.)"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.notify import tell
from organisations.access import people_allowed


def approved(report, *, by):
    tell(
        people_allowed("publish", "report", report.organisation_id, report.body_id),
        subject=_("Approved, ready to publish: %(title)s"),
        body=_("%(approver)s has approved the yearly report %(title)s. It can now be published."),
        params={"title": report.title, "approver": by.get_full_name() or by.get_username()},
        link=reverse("reports:report_detail", args=[report.pk]),
        key=f"report-approved:{report.pk}:{report.approved_at.isoformat()}",
        organisation=report.organisation,
        by=by,
    )
