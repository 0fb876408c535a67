"""Meetings that repeat, who attended a meeting, and the network's partners who are not users:
kept by the convener's managers or the convening body's people."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.deletion import confirm_delete
from core.views.forms import edit_page, form_page
from organisations.access import can_on, get_for_user, require

from .. import services
from ..forms import AttendanceForm, PartnerForm, SeriesForm
from ..models import MeetingSeries, NetworkPartner
from .helpers import network_for
from .meetings import meeting_for


@login_required
@require_http_methods(["GET", "POST"])
def series_create(request, pk):
    network = network_for(request, pk)
    require(request.user, "add", "meetingseries", network.organisation_id, network.convened_by_id)
    return form_page(
        request,
        SeriesForm(request.POST or None),
        title=_("Repeating meetings of %(network)s") % {"network": network},
        back=network,
        save=lambda form: services.create_series(network, by=request.user, **form.cleaned_data),
        saved=_("The meetings of the series were added."),
    )


def series_for(request, pk, action="view") -> MeetingSeries:
    return get_for_user(
        MeetingSeries.objects.select_related("network", "organisation"),
        request.user,
        action,
        pk=pk,
    )


@login_required
def series_detail(request, pk):
    series = series_for(request, pk)
    context = {
        "series": series,
        "network": series.network,
        "meetings": series.meetings.order_by("held_on", "id"),
        "can_delete": can_on(request.user, "delete", series),
    }
    return render(request, "networks/series_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def series_delete(request, pk):
    series = series_for(request, pk, "delete")
    today = timezone.localdate()
    coming = series.meetings.filter(held_on__gt=today)
    return confirm_delete(
        request,
        series,
        service=lambda obj, by: services.delete_series(obj, by=by, today=today),
        success_url=series.network.get_absolute_url(),
        cancel_url=series.get_absolute_url(),
        consequences=[_("The meeting on %(date)s") % {"date": m.held_on} for m in coming],
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_attendance(request, pk):
    meeting = meeting_for(request, pk, "change")
    return form_page(
        request,
        AttendanceForm(request.POST or None, meeting=meeting),
        title=_("Attendance at %(meeting)s") % {"meeting": meeting},
        back=meeting,
        save=lambda form: services.record_attendance(
            meeting, by=request.user, **form.service_fields()
        ),
        saved=_("The attendance was saved."),
        done=meeting.get_absolute_url() + "#attendance",
    )


@login_required
@require_http_methods(["GET", "POST"])
def partner_add(request, pk):
    network = network_for(request, pk)
    require(request.user, "add", "networkpartner", network.organisation_id, network.convened_by_id)
    return form_page(
        request,
        PartnerForm(request.POST or None),
        title=_("New partner in %(network)s") % {"network": network},
        back=network,
        save=lambda form: services.add_partner(network, by=request.user, **form.cleaned_data),
        saved=_("The partner was added."),
    )


def partner_for(request, pk, action) -> NetworkPartner:
    return get_for_user(
        NetworkPartner.objects.select_related("network"), request.user, action, pk=pk
    )


@login_required
@require_http_methods(["GET", "POST"])
def partner_edit(request, pk):
    partner = partner_for(request, pk, "change")
    return edit_page(
        request, partner, PartnerForm, services.update_partner, _("The partner was saved.")
    )


@login_required
@require_http_methods(["GET", "POST"])
def partner_delete(request, pk):
    partner = partner_for(request, pk, "delete")
    url = partner.get_absolute_url()
    return confirm_delete(
        request, partner, service=services.remove_partner, success_url=url, cancel_url=url
    )
