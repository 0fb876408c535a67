"""The organisation's retention rules and the record of what they removed."""

import re
import secrets
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.deletion import confirm_delete
from core.models import Job
from core.views.forms import render_form
from organisations.access import can, get_for_user, require
from organisations.lookups import organisation_for

from . import jobs as archive_jobs
from . import services
from .eark import content
from .eark.package import MAX_CASES_ONLINE
from .forms import ArchiveExportForm, RetentionRuleForm
from .models import ArchiveExport, Removal, RetentionRule

REMOVALS_SHOWN = 50
EXPORTS_SHOWN = 50
TOKEN = re.compile(r"^[0-9a-f]{32}$")


@login_required
@require_http_methods(["GET", "POST"])
def rules(request, organisation_pk):
    organisation = organisation_for(request, organisation_pk, "view", "retentionrule")
    may_add = can(request.user, "add", "retentionrule", organisation.pk)
    form = RetentionRuleForm(request.POST or None) if may_add else None
    if request.method == "POST":
        require(request.user, "add", "retentionrule", organisation.pk)
        if form.is_valid() and _saved(request, form, organisation):
            return redirect("archive:rules", organisation.pk)
    context = {
        "organisation": organisation,
        "rules": RetentionRule.objects.filter(organisation=organisation),
        "removals": Removal.objects.filter(organisation=organisation)[:REMOVALS_SHOWN],
        "form": form,
        "may_change": can(request.user, "change", "retentionrule", organisation.pk),
    }
    return render(request, "archive/rules.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def rule_edit(request, pk):
    rule = get_for_user(RetentionRule.objects, request.user, "change", pk=pk)
    form = RetentionRuleForm(request.POST or None, instance=rule)
    if (
        request.method == "POST"
        and form.is_valid()
        and _saved(request, form, rule.organisation, rule=rule)
    ):
        return redirect(rule)
    return render_form(request, form, _("Change the retention rule"), rule)


@login_required
@require_http_methods(["GET", "POST"])
def rule_delete(request, pk):
    rule = get_for_user(RetentionRule.objects, request.user, "delete", pk=pk)
    url = reverse("archive:rules", args=[rule.organisation_id])
    return confirm_delete(
        request, rule, service=services.delete_rule, success_url=url, cancel_url=url
    )


def _saved(request, form, organisation, rule=None) -> bool:
    try:
        services.save_rule(organisation, by=request.user, rule=rule, **form.cleaned_data)
    except (IntegrityError, ValidationError):
        # One rule per type of record and organisation (a constraint the form cannot see).
        form.add_error("record_type", _("There is already a rule for these records."))
        return False
    messages.success(request, _("The retention rule was saved."))
    return True


@login_required
@require_http_methods(["GET", "POST"])
def archive_export(request, organisation_pk):
    """Make an archive package of the cases decided in a period and download it (at most
    MAX_CASES_ONLINE cases; larger deliveries with `manage.py export_sip`)."""
    organisation = organisation_for(request, organisation_pk, "view", "archiveexport")
    may_add = can(request.user, "add", "archiveexport", organisation.pk)
    form = ArchiveExportForm(request.POST or None) if may_add else None
    if request.method == "POST":
        require(request.user, "add", "archiveexport", organisation.pk)
        if form.is_valid():
            response = _package_response(request, form, organisation)
            if response:
                return response
    context = {
        "organisation": organisation,
        "form": form,
        "job_token": secrets.token_hex(16),
        "job": _latest_unfinished(organisation),
        "exports": ArchiveExport.objects.filter(organisation=organisation)[:EXPORTS_SHOWN],
        "max_cases": MAX_CASES_ONLINE,
    }
    return render(request, "archive/export.html", context)


def _latest_unfinished(organisation):
    """The latest package job while it waits or runs, or when it failed in the last hour."""
    job = Job.objects.filter(organisation=organisation, kind=archive_jobs.EXPORT_KIND).first()
    if job is None or job.status == Job.Status.DONE:
        return None
    recent = timezone.now() - timedelta(hours=1)
    if job.status == Job.Status.FAILED and job.finished_at and job.finished_at < recent:
        return None
    return job


def _package_response(request, form, organisation):
    """Queue the package (archive/jobs.py); the download when the job is done by now, else the
    page follows the job."""
    start, end = form.cleaned_data["decided_from"], form.cleaned_data["decided_to"]
    count = content.decided_cases(organisation, start, end).count()
    if count > MAX_CASES_ONLINE:
        form.add_error(
            None,
            _(
                "%(count)s cases were decided in that period; the page makes packages of at "
                "most %(max)s. Choose a shorter period, or ask the IT department to run "
                "manage.py export_sip."
            )
            % {"count": count, "max": MAX_CASES_ONLINE},
        )
        return None
    token = request.POST.get("job_token", "")
    token = token if TOKEN.match(token) else secrets.token_hex(16)
    job = archive_jobs.start_export(
        organisation, by=request.user, token=token, cleaned=form.cleaned_data
    )
    if job.status == Job.Status.FAILED:
        form.add_error(None, job.error)
        return None
    if job.status != Job.Status.DONE:
        return redirect(reverse("archive:archive_export", args=[organisation.pk]))
    return _download(ArchiveExport.objects.get(pk=job.result["export"]))


def _download(export: ArchiveExport):
    return FileResponse(
        default_storage.open(export.stored_name),
        as_attachment=True,
        filename=f"{export.objid}.zip",
        content_type="application/zip",
    )


@login_required
def export_download(request, pk):
    """A package made on the page, from the file storage, for those who may see packages."""
    export = get_for_user(ArchiveExport.objects, request.user, pk=pk)
    require(request.user, "view", "archiveexport", export.organisation_id)
    if not default_storage.exists(export.stored_name):
        raise Http404
    return _download(export)
