"""Networks and partnerships: list, create, edit, delete. The network's page is in
`pages.py`."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from core.views.generic import delete_view, edit_view
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


network_edit = edit_view(
    network_for,
    NetworkForm,
    services.update_network,
    gettext_lazy("The network was saved."),
    form_gets_user=True,
)


network_delete = delete_view(network_for, services.delete_network, "networks:network_list")
