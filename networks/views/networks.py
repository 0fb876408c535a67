"""Networks and partnerships: list, create, edit, delete. The network's page is in
`pages.py`."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.deletion import confirm_delete
from core.views.forms import edit_page
from organisations.lookups import create_in_organisation

from .. import services
from ..forms import NetworkForm
from ..models import Network
from .helpers import network_for


@login_required
def network_list(request):
    networks = Network.objects.visible_to(request.user).select_related("organisation")
    page = Paginator(networks, 50).get_page(request.GET.get("page"))
    return render(request, "networks/network_list.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def network_create(request, organisation_pk):
    return create_in_organisation(
        request,
        organisation_pk,
        "network",
        NetworkForm,
        services.create_network,
        _("The network was created."),
        title=_("New network convened by %(organisation)s"),
        user=request.user,
    )


@login_required
@require_http_methods(["GET", "POST"])
def network_edit(request, pk):
    network = network_for(request, pk, "change")
    return edit_page(
        request,
        network,
        NetworkForm,
        services.update_network,
        _("The network was saved."),
        user=request.user,
    )


@login_required
@require_http_methods(["GET", "POST"])
def network_delete(request, pk):
    network = network_for(request, pk, "delete")
    return confirm_delete(
        request,
        network,
        service=services.delete_network,
        success_url=reverse("networks:network_list"),
    )
