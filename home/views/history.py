"""The change history of any record with a tenant scope, for those who may read its audit log."""

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404

from core.views.history import history_page
from organisations.access import can, get_for_user

# Only models with a tenant scope can show their history; anything else is 404.
HISTORY_MODELS = {
    "organisations.organisation",
    "organisations.body",
    "networks.network",
    "organisations.membership",
    "organisations.populationfact",
    "organisations.populationbyage",
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
