"""Meetings (agenda, minutes, attendance) and the matters the forum raises."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.transitions import run_transition
from core.views.forms import form_copy, render_form
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
    form = MeetingForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        meeting = services.create_meeting(forum, by=request.user, **form.cleaned_data)
        messages.success(request, _("The meeting was saved."))
        return redirect(meeting)
    title = _("New meeting of %(forum)s") % {"forum": forum}
    return render_form(request, form, title, forum)


@login_required
def meeting_detail(request, pk):
    meeting = get_for_user(
        ForumMeeting.objects.select_related("forum", "forum__organisation"), request.user, pk=pk
    )
    scope = meeting.permission_scope()
    context = {
        "meeting": meeting,
        "forum": meeting.forum,
        "matters": meeting.matters.all(),
        "can_edit": can_on(request.user, "change", meeting),
        "can_see_history": can(request.user, "view", "auditentry", *scope),
    }
    return render(request, "youthforum/meeting_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk):
    meeting = get_for_user(
        ForumMeeting.objects.select_related("forum"), request.user, "change", pk=pk
    )
    form = MeetingForm(request.POST or None, instance=form_copy(meeting))
    if request.method == "POST" and form.is_valid():
        services.update_meeting(meeting, by=request.user, **form.cleaned_data)
        messages.success(request, _("The meeting was saved."))
        return redirect(meeting)
    title = _("Agenda and minutes: %(meeting)s") % {"meeting": meeting}
    return render_form(request, form, title, meeting)


@login_required
@require_http_methods(["GET", "POST"])
def matter_create(request, pk):
    forum = forum_for(request, pk, "add", "forummatter")
    instance = ForumMatter(forum=forum, organisation_id=forum.organisation_id)
    form = MatterForm(request.POST or None, instance=instance, forum=forum)
    if request.method == "POST" and form.is_valid():
        matter = services.raise_matter(forum, by=request.user, **form.cleaned_data)
        messages.success(request, _("The matter was saved."))
        return redirect(matter)
    title = _("New matter for %(forum)s") % {"forum": forum}
    return render_form(request, form, title, forum)


@login_required
@require_http_methods(["GET", "POST"])
def matter_edit(request, pk):
    matter = get_for_user(
        ForumMatter.objects.select_related("forum"), request.user, "change", pk=pk
    )
    form = MatterForm(request.POST or None, instance=form_copy(matter), forum=matter.forum)
    if request.method == "POST" and form.is_valid():
        services.update_matter(matter, by=request.user, **form.cleaned_data)
        messages.success(request, _("The matter was saved."))
        return redirect(matter)
    title = _("Edit %(name)s") % {"name": matter}
    return render_form(request, form, title, matter)


@login_required
@require_POST
def matter_status(request, pk):
    """Close an open matter, or open a closed one again."""
    matter = get_for_user(
        ForumMatter.objects.select_related("forum"), request.user, "change", pk=pk
    )
    if matter.status == ForumMatter.Status.OPEN:
        if run_transition(request, lambda: services.close_matter(matter, by=request.user)):
            messages.success(request, _("The matter was closed."))
    elif run_transition(request, lambda: services.reopen_matter(matter, by=request.user)):
        messages.success(request, _("The matter was opened again."))
    return redirect(matter)
