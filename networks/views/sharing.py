"""Sharing, deliberately: a member picks one of its own items and shares it with a network it
belongs to; it can stop sharing at any time."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.deletion import confirm_delete
from indicators import comparisons
from indicators.views import indicator_for, organisation_for
from knowledge.models import Example
from organisations.access import can, require
from organisations.models import Network
from organisations.views.helpers import apply_service
from planning.models import Policy
from reports.models import ReportVersion

from .. import services
from ..forms import ComparisonShareForm, ShareForm
from ..models import SharedItem
from .helpers import acting_organisations, network_for


def shareable(kind: str, organisation_ids):
    """The organisations' own items of one kind that may be shared."""
    querysets = {
        SharedItem.Kind.POLICY: Policy.objects.all(),
        SharedItem.Kind.REPORT: ReportVersion.objects.select_related("report"),
        SharedItem.Kind.EXAMPLE: Example.objects.all(),
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
        for kind in (SharedItem.Kind.POLICY, SharedItem.Kind.REPORT, SharedItem.Kind.EXAMPLE)
    ]
    bound = next((form for form in forms if form.is_bound), None)
    if bound is not None and bound.is_valid():
        item, note = bound.cleaned_data["item"], bound.cleaned_data["note"]
        if apply_service(
            request,
            bound,
            lambda: services.share(network, item, by=request.user, kind=bound.kind, note=note),
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
        if apply_service(
            request,
            form,
            lambda: services.share_comparison(
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
