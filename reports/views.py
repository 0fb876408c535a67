"""Staff pages for yearly reports: list, create, the live preview with its actions, the texts,
approve and publish, and the preview's formats."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from core.deletion import confirm_delete
from core.models import Job
from core.transitions import run_transition
from core.views.forms import service_page
from core.views.generic import edit_view
from organisations.access import can, creatable_anywhere, get_for_user, require
from organisations.lookups import create_in_organisation

from . import jobs as report_jobs
from . import services
from .document import build_document, differs_from_version, localised, sentence_ids
from .exports import export_response
from .forms import OwnSectionForm, ReportForm, TextsForm
from .models import OwnSection, Report, ReportVersion


def report_for(request, pk, action="view") -> Report:
    """The report if the user sees it (else 404) and may do `action` on it (else 403)."""
    return get_for_user(
        Report.objects.select_related("organisation", "body"), request.user, action, pk=pk
    )


@login_required
def report_list(request):
    reports = Report.objects.visible_to(request.user).select_related("organisation", "body")
    creatable = creatable_anywhere(request.user, "report")
    return render(request, "reports/report_list.html", {"reports": reports, "creatable": creatable})


@login_required
@require_http_methods(["GET", "POST"])
def report_create(request, organisation_pk):
    return create_in_organisation(
        request,
        organisation_pk,
        "report",
        ReportForm,
        services.create_report,
        _("The report was created. Now write its texts."),
        title=_("New yearly report in %(organisation)s"),
        by_body=True,
        back=reverse("reports:report_list"),
    )


@login_required
def report_detail(request, pk):
    """The report as it reads now (live figures), its status, actions and published versions."""
    report = report_for(request, pk)
    document = build_document(report, languages=[request.LANGUAGE_CODE[:2]], staff_links=True)
    scope = report.permission_scope()
    versions = list(ReportVersion.objects.filter(report=report).only("number", "published_at"))
    # The newest version (versions are ordered newest first), read whole only when there is one.
    published = ReportVersion.objects.filter(report=report).first() if versions else None
    context = {
        "published": published,
        "differs_from_published": published is not None
        and differs_from_version(document, published),
        "report": report,
        "doc": localised(document),
        "versions": versions,
        "can_change": can(request.user, "change", "report", *scope),
        "can_approve": can(request.user, "approve", "report", *scope)
        and report.status == Report.Status.DRAFT,
        "can_publish": can(request.user, "publish", "report", *scope)
        and report.status == Report.Status.APPROVED,
        "can_send": can(request.user, "change", "report", *scope)
        and report.status == Report.Status.DRAFT
        and not report.sent_for_approval_at,
        "can_reopen": can(request.user, "change", "report", *scope)
        and report.status == Report.Status.PUBLISHED,
        "can_see_history": can(request.user, "view", "auditentry", *scope),
        "job": _unfinished_publication(report),
    }
    return render(request, "reports/report_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request, pk):
    report = report_for(request, pk, "change")
    document = build_document(report, languages=["sv"])
    form = TextsForm(request.POST or None, report=report, sentences=sentence_ids(document))
    if request.method == "POST" and form.is_valid():
        texts = form.texts(report)
        if run_transition(
            request,
            form=form,
            change=lambda: services.update_texts(report, by=request.user, **texts),
        ):
            messages.success(request, _("The texts were saved."))
            return redirect(report)
    context = {"report": report, "form": form, "own_sections": report.own_sections.all()}
    return render(request, "reports/report_edit.html", context)


def own_section_for(request, pk, action="change") -> OwnSection:
    """A section of a report the user sees (else 404) and may change (else 403): changing a
    report's own sections is changing the report."""
    visible = Report.objects.visible_to(request.user)
    section = get_object_or_404(
        OwnSection.objects.select_related("report__organisation", "report__body"),
        report__in=visible,
        pk=pk,
    )
    require(request.user, "change", "report", *section.report.permission_scope())
    return section


@login_required
@require_http_methods(["GET", "POST"])
def own_section_create(request, pk):
    report = report_for(request, pk, "change")
    return service_page(
        request,
        report,
        OwnSectionForm,
        services.create_own_section,
        _("The section was added."),
        title=_("New section in %(report)s") % {"report": report},
        back=reverse("reports:report_edit", args=[report.pk]),
    )


# Declared when the module loads: the message is translated when it is shown.
own_section_edit = edit_view(
    own_section_for,
    OwnSectionForm,
    services.update_own_section,
    gettext_lazy("The section was saved."),
)


@login_required
@require_http_methods(["GET", "POST"])
def own_section_delete(request, pk):
    section = own_section_for(request, pk)
    return confirm_delete(
        request,
        section,
        service=services.delete_own_section,
        success_url=reverse("reports:report_edit", args=[section.report_id]),
    )


@login_required
@require_POST
def report_transition(request, pk, action):
    report = report_for(request, pk, "change" if action in ("reopen", "send") else action)
    try:
        if action == "send":
            link = request.build_absolute_uri(report.get_absolute_url())
            services.send_for_approval(report, by=request.user, link=link)
            messages.success(request, _("The report was sent to the decision-makers to approve."))
        elif action == "reopen":
            services.reopen_report(report, by=request.user)
            messages.success(request, _("A new version is being prepared as a draft."))
        elif action == "approve":
            services.approve_report(report, by=request.user)
            messages.success(request, _("The report was approved."))
        else:
            _publish(request, report)
    except services.TransitionError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(report)


def _unfinished_publication(report):
    """The report's latest publication job while it runs, or when it failed."""
    job = Job.objects.filter(kind=report_jobs.KIND, arguments__report=report.pk).first()
    return job if job is not None and job.status != Job.Status.DONE else None


def _publish(request, report):
    """A worker publishes it (reports/jobs.py); the report's page follows the job."""
    if report.status != Report.Status.APPROVED:
        raise services.TransitionError(_("Only an approved report can be published."))
    job = report_jobs.start_publishing(report, by=request.user)
    if job.status == Job.Status.DONE:
        messages.success(
            request, _("Version %(number)s was published.") % {"number": job.result["version"]}
        )
    elif job.status == Job.Status.FAILED:
        messages.error(request, job.error)
    else:
        messages.info(request, _("The report is being published. This page shows when it is done."))


@login_required
def report_preview_export(request, pk, fmt):
    report = report_for(request, pk)
    document = build_document(report)
    filename = f"rapport-{report.slug}-{report.year}-utkast"
    return export_response(document, fmt, filename, office_csv=True)
