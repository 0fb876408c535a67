"""The organisation's retention rules and the record of what they removed."""

import tempfile

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.deletion import confirm_delete
from core.views.forms import render_form
from core.views.lookups import organisation_for
from organisations.access import can, get_for_user, require

from . import services
from .eark import content
from .eark.package import MAX_CASES_ONLINE, NothingToExport, build_package
from .forms import ArchiveExportForm, RetentionRuleForm
from .models import ArchiveExport, Removal, RetentionRule

REMOVALS_SHOWN = 50
EXPORTS_SHOWN = 50


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
        "exports": ArchiveExport.objects.filter(organisation=organisation)[:EXPORTS_SHOWN],
        "max_cases": MAX_CASES_ONLINE,
    }
    return render(request, "archive/export.html", context)


def _package_response(request, form, organisation):
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
    # FileResponse closes the file when the download is sent.
    output = tempfile.TemporaryFile()  # noqa: SIM115
    try:
        built = build_package(
            organisation,
            start,
            end,
            output,
            by=request.user,
            submission_agreement=form.cleaned_data["submission_agreement"],
            preservation_agent=form.cleaned_data["preservation_agent"],
        )
    except NothingToExport:
        output.close()
        form.add_error(None, _("No case was decided in that period."))
        return None
    output.seek(0)
    return FileResponse(
        output, as_attachment=True, filename=built.file_name, content_type="application/zip"
    )
