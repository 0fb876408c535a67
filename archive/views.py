"""The organisation's retention rules and the record of what they removed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from organisations.access import can, get_for_user, require
from organisations.models import Organisation
from organisations.views.helpers import confirm_delete

from . import services
from .forms import RetentionRuleForm
from .models import Removal, RetentionRule

REMOVALS_SHOWN = 50


@login_required
@require_http_methods(["GET", "POST"])
def rules(request, organisation_pk):
    organisation = get_for_user(Organisation.objects, request.user, pk=organisation_pk)
    require(request.user, "view", "retentionrule", organisation.pk)
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
    context = {"form": form, "title": _("Change the retention rule"), "object": rule}
    return render(request, "organisations/form.html", context)


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
