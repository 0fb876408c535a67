"""Publishing a yearly report as a job (core/jobs.py): freeze the new version, then draw its
PDF once into the file storage, so that readers are served the file instead of waiting for it
to be drawn (reports/public.py)."""

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _

from core import jobs

from . import services
from .exports import report_pdf
from .models import Report, ReportVersion

KIND = "reports.jobs.publish"
NOTIFY_KIND = "reports.jobs.notify_approvers"


def start_publishing(report: Report, *, by):
    """One job per approval: publishing the same approval twice publishes one version."""
    stamp = report.approved_at.isoformat() if report.approved_at else "unapproved"
    key = f"report-publish:{report.pk}:{stamp}"
    return jobs.start(
        KIND, key=key, organisation=report.organisation, by=by, arguments={"report": report.pk}
    )


def pdf_name(version: ReportVersion) -> str:
    return f"reports/{version.report_id}/v{version.number}.pdf"


def publish(job) -> dict:
    report = Report.objects.get(pk=job.arguments["report"])
    if report.status == Report.Status.APPROVED:
        try:
            version = services.publish_report(report, by=job.created_by)
        except services.TransitionError as error:
            raise jobs.JobFailed(" ".join(error.messages)) from error
    elif report.status == Report.Status.PUBLISHED:
        # Published by this job before its worker stopped: the version is there, the PDF
        # may not be.
        version = report.versions.order_by("-number").first()
    else:
        raise jobs.JobFailed(_("Only an approved report can be published."))
    store_pdf(version)
    return {"version": version.number, "url": version.get_absolute_url()}


def store_pdf(version: ReportVersion) -> str:
    """The version's PDF in the file storage, drawn by the function that draws it for every
    download (reports/exports.py); a version never changes, so neither does its file."""
    name = pdf_name(version)
    if not default_storage.exists(name):
        pdf = report_pdf(version.data, version=version)
        default_storage.save(name, ContentFile(pdf))
    return name


def start_notifying_approvers(report: Report, *, by, link: str = ""):
    """One e-mail round per sending: sending the same report again later mails again. `link`
    is the report's full address, taken from the request that sent it (a job has none)."""
    key = f"report-approval-mail:{report.pk}:{report.sent_for_approval_at.isoformat()}"
    return jobs.start(
        NOTIFY_KIND,
        key=key,
        organisation=report.organisation,
        by=by,
        arguments={"report": report.pk, "link": link or report.get_absolute_url()},
    )


def notify_approvers(job) -> dict:
    """E-mail the people who may approve the report that it waits for them (Django's e-mail
    API: the backend and sender come from the settings). A report approved or changed back in
    the meantime is not mailed about."""
    report = Report.objects.select_related("organisation", "body").get(pk=job.arguments["report"])
    if report.status != Report.Status.DRAFT or not report.sent_for_approval_at:
        return {"sent": 0}
    addresses = services.approver_addresses(report)
    if not addresses:
        return {"sent": 0}
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("To approve: %(title)s") % {"title": report.title}
        body = _(
            "The yearly report %(title)s has been sent for approval. Read it and approve it "
            "in Barnrätt:"
        ) % {"title": report.title}
    link = job.arguments.get("link") or report.get_absolute_url()
    sent = send_mail(subject, f"{body}\n\n{link}\n", None, addresses)
    return {"sent": sent, "recipients": len(addresses)}
