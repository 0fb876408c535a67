"""The network dashboard: members' key figures side by side, for anyone who sees the network.

The drawn figures (charts and tables, about a megabyte of HTML for 290 members) are kept in the
cache for COMPARISONS_CACHE_SECONDS (default ten minutes) per network, year, indicators and
language, after the access check: key figures for comparison need not be to the minute, and
computing them reads every decision of the year (decision 0017). The export is always fresh."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from core.exports import export_response

from ..dashboard.figures import collect
from ..dashboard.forms import DashboardForm
from ..dashboard.tables import csv_table, sections
from .helpers import network_for

CACHE_SECONDS = 600


def _choices(request, pk):
    network = network_for(request, pk)
    form = DashboardForm(request.GET or None, user=request.user)
    year, indicators = form.choices()
    return network, form, year, indicators


def _drawn(network, year, indicators) -> dict:
    seconds = getattr(settings, "COMPARISONS_CACHE_SECONDS", CACHE_SECONDS)
    chosen = ",".join(str(indicator.pk) for indicator in indicators)
    key = f"comparisons:dashboard:{network.pk}:{year}:{chosen}:{get_language()}"
    drawn = cache.get(key) if seconds else None
    if drawn is None:
        figures = collect(network, year, indicators)
        drawn = {
            "members": len(figures.members),
            "sections": render_to_string(
                "networks/dashboard/_sections.html", {"sections": sections(figures)}
            ),
            "computed_at": timezone.now(),
        }
        if seconds:
            cache.set(key, drawn, seconds)
    return drawn


@login_required
def network_dashboard(request, pk):
    network, form, year, indicators = _choices(request, pk)
    context = {
        "network": network,
        "form": form,
        "year": year,
        "drawn": _drawn(network, year, indicators),
        "query": request.GET.urlencode(),
    }
    return render(request, "networks/dashboard/network_dashboard.html", context)


@login_required
def network_dashboard_export(request, pk):
    network, _form, year, indicators = _choices(request, pk)
    figures = collect(network, year, indicators)
    filename = f"natverk-{network.pk}-nyckeltal-{year}"
    return export_response("csv", filename, "", csv_table(figures))
