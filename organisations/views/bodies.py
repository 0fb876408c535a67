"""Bodies (committees, boards, administrations, teams): list, create, detail, edit, delete."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from core.views.generic import delete_view, edit_view
from organisations.lookups import create_in_organisation

from .. import services
from ..access import can, can_on, get_for_user
from ..filters import BodyFilter
from ..forms import BodyForm
from ..models import Body, Membership

# A municipality has about fifteen bodies: one page holds them, and the page stays light.
PAGE_SIZE = 25


@login_required
def body_list(request):
    queryset = Body.objects.visible_to(request.user).select_related("organisation")
    filterset = BodyFilter(request.GET or None, queryset=queryset, user=request.user)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organisations/body_list.html", {"filter": filterset, "page": page})


def _body_for(request, pk, action="view"):
    return get_for_user(Body.objects.select_related("organisation"), request.user, action, pk=pk)


@login_required
def body_detail(request, pk):
    body = _body_for(request, pk)
    members = Membership.objects.filter(body=body).select_related("user")
    context = {
        "body": body,
        "served": body.served_organisations.all(),
        "networks": body.networks.visible_to(request.user),
        "members": members
        if can(request.user, "view", "membership", body.organisation_id)
        else None,
        "can_edit": can_on(request.user, "change", body),
        "can_delete": can_on(request.user, "delete", body),
        "can_see_history": can(request.user, "view", "auditentry", body.organisation_id, body.pk),
    }
    return render(request, "organisations/body_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def body_create(request, organisation_pk):
    return create_in_organisation(
        request,
        organisation_pk,
        "body",
        BodyForm,
        services.create_body,
        _("The body was created."),
        title=_("New body in %(organisation)s"),
        user=request.user,
    )


body_edit = edit_view(
    _body_for,
    BodyForm,
    services.update_body,
    gettext_lazy("The body was saved."),
    form_gets_user=True,
)


body_delete = delete_view(_body_for, services.delete_body, "organisations:body_list")
