"""The network dashboard: members' key figures side by side, for anyone who sees the network."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from organisations.access import get_for_user
from organisations.models import Network
from planning.views.helpers import export_response

from .figures import collect
from .forms import DashboardForm
from .tables import csv_table, sections


def _figures(request, pk):
    network = get_for_user(Network.objects.select_related("organisation"), request.user, pk=pk)
    form = DashboardForm(request.GET or None, user=request.user)
    year, indicators = form.choices()
    return network, form, collect(network, year, indicators)


@login_required
def network_dashboard(request, pk):
    network, form, figures = _figures(request, pk)
    context = {
        "network": network,
        "form": form,
        "figures": figures,
        "sections": sections(figures),
        "query": request.GET.urlencode(),
    }
    return render(request, "comparisons/network_dashboard.html", context)


@login_required
def network_dashboard_export(request, pk):
    network, _form, figures = _figures(request, pk)
    filename = f"natverk-{network.pk}-nyckeltal-{figures.year}"
    return export_response("csv", filename, "", csv_table(figures))
