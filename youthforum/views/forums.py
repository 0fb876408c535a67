"""Youth forums: the list, create, detail and edit."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from core.views.generic import edit_view
from organisations.access import can, creatable_anywhere
from organisations.lookups import create_in_organisation

from .. import services
from ..forms import ForumForm
from ..models import Forum, ForumMatter, ForumMeeting, ForumProposal
from .helpers import forum_for

# The detail page shows the latest meetings; older ones are in the forum's history.
MEETINGS_SHOWN = 20


@login_required
def forum_list(request):
    forums = (
        Forum.objects.visible_to(request.user)
        .select_related("organisation", "body")
        .annotate(current_members=Count("members", filter=Q(members__left_on__isnull=True)))
        .order_by("organisation__name", "name")
    )
    creatable = creatable_anywhere(request.user, "forum")
    return render(request, "youthforum/forum_list.html", {"forums": forums, "creatable": creatable})


@login_required
@require_http_methods(["GET", "POST"])
def forum_create(request, organisation_pk):
    return create_in_organisation(
        request,
        organisation_pk,
        "forum",
        ForumForm,
        services.create_forum,
        _("The youth forum was created."),
        title=_("New youth forum in %(organisation)s"),
        by_body=True,
    )


@login_required
def forum_detail(request, pk):
    forum = forum_for(request, pk)
    user, scope = request.user, forum.permission_scope()
    meetings = ForumMeeting.objects.filter(forum=forum)
    context = {
        "forum": forum,
        "meetings": meetings[:MEETINGS_SHOWN],
        "matters": ForumMatter.objects.filter(forum=forum).select_related("raised_at"),
        "proposals": ForumProposal.objects.filter(forum=forum).select_related("committee"),
        "can_edit": can(user, "change", "forum", *scope),
        "can_see_members": can(user, "view", "forummember", *scope),
        "can_add_meeting": can(user, "add", "forummeeting", *scope),
        "can_add_matter": can(user, "add", "forummatter", *scope),
        "can_change_matter": can(user, "change", "forummatter", *scope),
        "can_propose": can(user, "add", "forumproposal", *scope),
        "can_see_history": can(user, "view", "auditentry", *scope),
    }
    return render(request, "youthforum/forum_detail.html", context)


forum_edit = edit_view(
    forum_for, ForumForm, services.update_forum, gettext_lazy("The youth forum was saved.")
)
