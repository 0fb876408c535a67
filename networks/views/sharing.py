"""Sharing, deliberately: a member picks one of its own items and shares it with a network it
belongs to; it can stop sharing at any time."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from assessments.models import AssessmentTemplate
from core.deletion import confirm_delete
from core.transitions import run_transition
from core.views.forms import render_form
from indicators import comparisons
from indicators.views import indicator_for, organisation_for
from knowledge.models import Example
from organisations.access import can, can_on, get_for_user, require
from planning.models import Policy
from reports.models import ReportVersion

from .. import services
from ..forms import ComparisonShareForm, SharedTemplateCopyForm, ShareForm
from ..models import Network, SharedItem
from .helpers import acting_organisation_ids, acting_organisations, network_for

SHARE_PAGE_KINDS = (
    SharedItem.Kind.POLICY,
    SharedItem.Kind.REPORT,
    SharedItem.Kind.EXAMPLE,
    SharedItem.Kind.TEMPLATE,
)


def shareable(kind: str, organisation_ids):
    """The organisations' own items of one kind that may be shared."""
    querysets = {
        SharedItem.Kind.POLICY: Policy.objects.all(),
        SharedItem.Kind.REPORT: ReportVersion.objects.select_related("report"),
        SharedItem.Kind.EXAMPLE: Example.objects.all(),
        SharedItem.Kind.TEMPLATE: AssessmentTemplate.objects.all(),
    }
    return (
        querysets[kind].filter(organisation_id__in=organisation_ids).select_related("organisation")
    )


@login_required
@require_http_methods(["GET", "POST"])
def share(request, pk):
    network = network_for(request, pk)
    organisations = acting_organisations(request.user, network, "add", "shareditem")
    if not organisations:
        raise PermissionDenied
    ids = [organisation.pk for organisation in organisations]
    posted = request.POST.get("kind") if request.method == "POST" else None
    forms = [
        ShareForm(
            request.POST if kind == posted else None,
            kind=kind,
            queryset=shareable(kind, ids),
        )
        for kind in SHARE_PAGE_KINDS
    ]
    bound = next((form for form in forms if form.is_bound), None)
    if bound is not None and bound.is_valid():
        item, note = bound.cleaned_data["item"], bound.cleaned_data["note"]
        if run_transition(
            request,
            form=bound,
            change=lambda: services.share(
                network, item, by=request.user, kind=bound.kind, note=note
            ),
        ):
            messages.success(
                request, _("“%(item)s” is now shared with the network.") % {"item": item}
            )
            return redirect(network.get_absolute_url() + "#shared")
    context = {"network": network, "forms": forms, "organisations": organisations}
    return render(request, "networks/share.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def unshare(request, network_pk, pk):
    network = network_for(request, network_pk)
    shared = get_object_or_404(SharedItem.objects.filter(network=network), pk=pk)
    require(request.user, "delete", "shareditem", shared.organisation_id)
    url = network.get_absolute_url() + "#shared"
    if shared.kind == SharedItem.Kind.TEMPLATE and request.GET.get("from") == "template":
        url = shared.template.get_absolute_url() + "#sharing"
    return confirm_delete(
        request, shared, service=services.unshare, success_url=url, cancel_url=url
    )


@login_required
@require_http_methods(["GET", "POST"])
def share_comparison(request, organisation_pk, pk):
    """Share the comparison as chosen on the indicators' comparison page (its `compare`
    codes come along in the address)."""
    organisation = organisation_for(request, organisation_pk)
    indicator = indicator_for(request, pk)
    require(request.user, "add", "shareditem", organisation.pk)
    networks = Network.objects.filter(
        pk__in=Network.member_network_ids([organisation.pk])
    ).order_by("name")
    offered = {area.code for area in comparisons.network_neighbours(organisation)}
    compare = [code for code in request.GET.getlist("compare") if code in offered][:2]
    form = ComparisonShareForm(request.POST or None, networks=networks)
    if request.method == "POST" and form.is_valid():
        network = form.cleaned_data["network"]
        if run_transition(
            request,
            form=form,
            change=lambda: services.share_comparison(
                network,
                organisation,
                by=request.user,
                indicator=indicator,
                compare=compare,
                note=form.cleaned_data["note"],
            ),
        ):
            messages.success(request, _("The comparison is now shared with the network."))
            return redirect(network.get_absolute_url() + "#shared")
    context = {
        "form": form,
        "organisation": organisation,
        "indicator": indicator,
        "compare": compare,
        "can_share": can(request.user, "add", "shareditem", organisation.pk),
    }
    return render(request, "networks/share_comparison.html", context)


# Assessment templates: shared from the template's own page, copied from the network's ----------


def template_sharing(user, template) -> dict | None:
    """What the template's page shows about sharing: the networks it is shared with, and a form
    to share it with another network of its organisation. None for a shipped template or a user
    who may not manage it."""
    if template.is_shipped or not can_on(user, "change", template):
        return None
    if not can(user, "add", "shareditem", template.organisation_id):
        return None
    shares = list(SharedItem.objects.filter(template=template).select_related("network"))
    form = _template_share_form(template, shares)
    return {
        "template": template,
        "shares": shares,
        "form": form if form.fields["network"].queryset.exists() else None,
        "can_unshare": can(user, "delete", "shareditem", template.organisation_id),
    }


def _template_share_form(template, shares, data=None):
    networks = Network.objects.filter(
        pk__in=Network.member_network_ids([template.organisation_id])
    ).exclude(pk__in=[shared.network_id for shared in shares])
    return ComparisonShareForm(data, networks=networks.order_by("name"))


@login_required
@require_http_methods(["GET", "POST"])
def share_template(request, pk):
    """Share one of the organisation's own assessment templates with a network it belongs to."""
    template = get_for_user(AssessmentTemplate.objects, request.user, "change", pk=pk)
    if template.is_shipped:
        raise PermissionDenied
    require(request.user, "add", "shareditem", template.organisation_id)
    shares = list(SharedItem.objects.filter(template=template))
    form = _template_share_form(template, shares, request.POST or None)
    if request.method == "POST" and form.is_valid():
        network = form.cleaned_data["network"]
        if run_transition(
            request,
            form=form,
            change=lambda: services.share(
                network,
                template,
                by=request.user,
                kind=SharedItem.Kind.TEMPLATE,
                note=form.cleaned_data["note"],
            ),
        ):
            messages.success(
                request,
                _("“%(item)s” is now shared with %(network)s.")
                % {"item": template, "network": network},
            )
            return redirect(template.get_absolute_url() + "#sharing")
    title = _("Share %(template)s with a network") % {"template": template}
    return render_form(request, form, title, template.get_absolute_url())


def copy_targets(user, network) -> list[int]:
    """The network's members into which the user may copy an assessment template."""
    return acting_organisation_ids(
        user, network.member_organisation_ids(), "add", "assessmenttemplate"
    )


@login_required
@require_POST
def copy_shared_template(request, network_pk, pk):
    """A member copies a template another member shares into its own organisation."""
    network = network_for(request, network_pk)
    shared = get_object_or_404(
        SharedItem.objects.filter(network=network, kind=SharedItem.Kind.TEMPLATE).select_related(
            "template", "network"
        ),
        pk=pk,
    )
    targets = copy_targets(request.user, network)
    if not targets:
        raise PermissionDenied
    form = SharedTemplateCopyForm(request.POST, organisation_ids=targets)
    if not form.is_valid():
        messages.error(request, _("Choose the organisation to copy the template to."))
        return redirect(shared.get_absolute_url())
    try:
        own = services.copy_shared_template(
            shared, by=request.user, organisation=form.cleaned_data["organisation"]
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(network.get_absolute_url() + "#shared")
    messages.success(request, _("The template was copied. Edit the draft, then publish it."))
    return redirect("assessments:version_edit", pk=own.versions.get().pk)
