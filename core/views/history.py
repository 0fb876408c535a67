"""An object's change history, read from the audit log."""

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from core.models import AuditEntry
from organisations.access import can, get_for_user

# Only models with a tenant scope can show their history; anything else is 404.
HISTORY_MODELS = {
    "organisations.organisation",
    "organisations.body",
    "networks.network",
    "organisations.membership",
    "organisations.populationfact",
    "assessments.case",
    "assessments.assessment",
    "assessments.decision",
    "assessments.attachment",
    "api.apitoken",
    # Youth-forum members are left out: only those who run the forum may see them.
    "youthforum.forum",
    "youthforum.forummeeting",
    "youthforum.forummatter",
    "youthforum.forumproposal",
    "planning.policy",
    "planning.actionplan",
    "planning.activity",
    "planning.selfassessment",
    "planning.factorrating",
    "planning.childfriendlyagreement",
    "planning.childfriendlystep",
    "training.trainingsession",
    "childbudget.childbudget",
    "reports.report",
    "peerreview.peerreview",
}


# Each entry is several table rows; 25 entries keep the page quick to render and to read.
HISTORY_PAGE_SIZE = 25


def _field_label(model, name):
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:  # a field removed since the entry was written
        return name


@login_required
def object_history(request, model_label, pk):
    if model_label not in HISTORY_MODELS:
        raise Http404
    model = apps.get_model(model_label)
    obj = get_for_user(model.objects, request.user, pk=pk)
    organisation_id, body_id = obj.permission_scope()
    if not can(request.user, "view", "auditentry", organisation_id, body_id):
        raise PermissionDenied
    return history_page(request, obj)


def history_page(request, obj):
    """The page of `obj`'s audit entries, newest first, a page at a time (the caller has checked
    that the user may read them)."""
    model = type(obj)
    entries = AuditEntry.objects.for_object(obj).select_related("actor")
    page = Paginator(entries, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        (
            entry,
            [
                (_field_label(model, name), before, after)
                for name, (before, after) in entry.changes.items()
            ],
        )
        for entry in page
    ]
    return render(request, "core/history.html", {"object": obj, "page": page, "rows": rows})
