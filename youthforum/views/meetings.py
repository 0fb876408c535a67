"""Meetings (agenda, minutes, attendance) and the matters the forum raises."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from core.transitions import run_transition
from core.views.forms import edit_page, service_page
from core.views.generic import edit_view
from organisations.access import can, can_on, get_for_user

from .. import services
from ..forms import MatterForm, MeetingForm
from ..models import ForumMatter, ForumMeeting
from .helpers import forum_for


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request, pk):
    forum = forum_for(request, pk, "add", "forummeeting")
    instance = ForumMeeting(forum=forum, organisation_id=forum.organisation_id)
    return service_page(
        request,
        forum,
        MeetingForm,
        services.create_meeting,
        _("The meeting was saved."),
        title=_("New meeting of %(forum)s") % {"forum": forum},
        instance=instance,
    )


def _meeting_for(request, pk, action="view"):
    meetings = ForumMeeting.objects.select_related("forum", "forum__organisation")
    return get_for_user(meetings, request.user, action, pk=pk)


@login_required
def meeting_detail(request, pk):
    meeting = _meeting_for(request, pk)
    scope = meeting.permission_scope()
    context = {
        "meeting": meeting,
        "forum": meeting.forum,
        "matters": meeting.matters.all(),
        "can_edit": can_on(request.user, "change", meeting),
        "can_see_history": can(request.user, "view", "auditentry", *scope),
    }
    return render(request, "youthforum/meeting_detail.html", context)


meeting_edit = edit_view(
    _meeting_for,
    MeetingForm,
    services.update_meeting,
    gettext_lazy("The meeting was saved."),
    title=gettext_lazy("Agenda and minutes: %(name)s"),
)


@login_required
@require_http_methods(["GET", "POST"])
def matter_create(request, pk):
    forum = forum_for(request, pk, "add", "forummatter")
    instance = ForumMatter(forum=forum, organisation_id=forum.organisation_id)
    return service_page(
        request,
        forum,
        MatterForm,
        services.raise_matter,
        _("The matter was saved."),
        title=_("New matter for %(forum)s") % {"forum": forum},
        instance=instance,
        forum=forum,
    )


def _matter(request, pk):
    """A matter the user may change (else 404 or 403)."""
    return get_for_user(ForumMatter.objects.select_related("forum"), request.user, "change", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def matter_edit(request, pk):
    matter = _matter(request, pk)
    return edit_page(
        request,
        matter,
        MatterForm,
        services.update_matter,
        _("The matter was saved."),
        forum=matter.forum,
    )


@login_required
@require_POST
def matter_status(request, pk):
    """Close an open matter, or open a closed one again."""
    matter = _matter(request, pk)
    if matter.status == ForumMatter.Status.OPEN:
        if run_transition(request, lambda: services.close_matter(matter, by=request.user)):
            messages.success(request, _("The matter was closed."))
    elif run_transition(request, lambda: services.reopen_matter(matter, by=request.user)):
        messages.success(request, _("The matter was opened again."))
    return redirect(matter)
