"""UNICEF's child-friendly municipality cycle: the agreements, where an organisation stands,
and the agreement's and each step's dates, decision and document."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from core.exports import export_response
from core.views.forms import edit_page
from core.views.generic import edit_view
from organisations.access import can, creatable_anywhere, get_for_user
from organisations.lookups import create_in_organisation

from .. import childfriendly_services as services
from ..exports import childfriendly_table
from ..forms import AgreementForm, StepForm
from ..models import ChildFriendlyAgreement, ChildFriendlyStep


def _agreements(user):
    return (
        ChildFriendlyAgreement.objects.visible_to(user)
        .select_related("organisation", "body")
        .prefetch_related("steps")
    )


@login_required
def childfriendly_list(request):
    agreements = _agreements(request.user)
    rows = [
        (agreement, services.where_it_stands(agreement.steps.all())) for agreement in agreements
    ]
    creatable = creatable_anywhere(request.user, "childfriendlyagreement")
    context = {"rows": rows, "creatable": creatable}
    return render(request, "planning/childfriendly_list.html", context)


@login_required
def childfriendly_export(request, fmt):
    table = childfriendly_table(_agreements(request.user))
    return export_response(fmt, "barnrattskommun", _("Child-friendly"), table)


@login_required
@require_http_methods(["GET", "POST"])
def childfriendly_create(request, organisation_pk):
    return create_in_organisation(
        request,
        organisation_pk,
        "childfriendlyagreement",
        AgreementForm,
        services.create_agreement,
        _("The agreement was saved. The cycle has begun."),
        title=_("New child-friendly municipality agreement in %(organisation)s"),
        by_body=True,
        back=reverse("planning:childfriendly_list"),
    )


def _agreement(request, pk, action="view"):
    agreements = ChildFriendlyAgreement.objects.select_related("organisation", "body")
    return get_for_user(agreements, request.user, action, pk=pk)


@login_required
def childfriendly_detail(request, pk):
    """Where the organisation stands in the cycle: each step with its dates, decision and
    document, the current step marked."""
    agreement = _agreement(request, pk)
    steps = list(agreement.steps.all())
    scope = agreement.permission_scope()
    context = {
        "agreement": agreement,
        "steps": steps,
        "current": services.where_it_stands(steps),
        "done_count": sum(step.state == "done" for step in steps),
        "can_change": can(request.user, "change", "childfriendlyagreement", *scope),
        "can_change_steps": can(request.user, "change", "childfriendlystep", *scope),
        "can_see_history": can(request.user, "view", "auditentry", *scope),
    }
    return render(request, "planning/childfriendly_detail.html", context)


childfriendly_edit = edit_view(
    _agreement, AgreementForm, services.update_agreement, gettext_lazy("The agreement was saved.")
)


@login_required
@require_http_methods(["GET", "POST"])
def childfriendly_step_edit(request, pk):
    step = get_for_user(
        ChildFriendlyStep.objects.select_related("agreement", "agreement__body"),
        request.user,
        "change",
        pk=pk,
    )
    return edit_page(
        request,
        step,
        StepForm,
        services.update_step,
        _("The step was saved."),
        title=_("The step %(step)s") % {"step": step},
    )


def _file_response(document):
    if not document.file:
        raise Http404
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )


@login_required
def childfriendly_file(request, pk):
    return _file_response(get_for_user(ChildFriendlyAgreement.objects, request.user, pk=pk))


@login_required
def childfriendly_step_file(request, pk):
    return _file_response(get_for_user(ChildFriendlyStep.objects, request.user, pk=pk))
