"""Policies and programmes: the list (with filters and exports), detail, create, edit, delete
and the attached file."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from core.exports import export_response
from core.views.generic import delete_now_view, edit_view
from organisations.access import creatable_anywhere, get_for_user, record_actions
from organisations.lookups import create_in_organisation

from .. import services
from ..exports import policy_table
from ..forms import PolicyForm
from ..models import Policy

DUE = "due"
# A national instance holds tens of policy documents per organisation; a page of 50 stays light.
PAGE_SIZE = 50


def filtered_policies(request):
    """The policies the user sees, narrowed by the list's filters; the page and the exports
    read the same queryset."""
    policies = Policy.objects.visible_to(request.user).select_related(
        "organisation", "adopted_by", "responsible_body"
    )
    kind = request.GET.get("kind")
    if kind in Policy.Kind.values:
        policies = policies.filter(kind=kind)
    else:
        kind = ""
    status = request.GET.get("status")
    if status == DUE:
        policies = policies.due_for_revision()
    else:
        status = ""
    return policies.order_by("title", "id"), kind, status


@login_required
def policy_list(request):
    policies, kind, status = filtered_policies(request)
    creatable = creatable_anywhere(request.user, "policy")
    query = "&".join(
        f"{key}={value}" for key, value in (("kind", kind), ("status", status)) if value
    )
    page = Paginator(policies, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "policies": page.object_list,
        "creatable": creatable,
        "kinds": Policy.Kind.choices,
        "kind": kind,
        "status": status,
        "query": query,
        "today": timezone.localdate(),
    }
    return render(request, "planning/policy_list.html", context)


@login_required
def policy_export(request, fmt):
    policies, _kind, _status = filtered_policies(request)
    table = policy_table(policies.prefetch_related("articles"))
    return export_response(fmt, "styrdokument", _("Policy documents"), table)


@login_required
@require_http_methods(["GET", "POST"])
def policy_create(request, organisation_pk):
    return create_in_organisation(
        request,
        organisation_pk,
        "policy",
        PolicyForm,
        services.create_policy,
        _("The document was saved."),
        title=_("New policy document in %(organisation)s"),
        by_body=True,
        back=reverse("planning:policy_list"),
    )


def _policy_for(request, pk, action="view"):
    policies = Policy.objects.select_related("organisation", "adopted_by", "responsible_body")
    return get_for_user(policies, request.user, action, pk=pk)


@login_required
def policy_detail(request, pk):
    policy = _policy_for(request, pk)
    context = {
        "policy": policy,
        "articles": policy.articles.order_by("number"),
        "target_areas": policy.target_areas.order_by("number"),
        "due": policy.is_due_for_revision(),
        **record_actions(request.user, policy, policy.organisation_id),
    }
    return render(request, "planning/policy_detail.html", context)


policy_edit = edit_view(
    _policy_for, PolicyForm, services.update_policy, gettext_lazy("The document was saved.")
)


policy_delete = delete_now_view(
    _policy_for,
    services.delete_policy,
    gettext_lazy("The document was deleted."),
    "planning:policy_list",
)


@login_required
def policy_file(request, pk):
    policy = _policy_for(request, pk)
    if not policy.file:
        raise Http404
    return FileResponse(
        policy.file.open("rb"),
        as_attachment=True,
        filename=policy.original_name,
        content_type=policy.content_type,
    )
