"""Members of a youth forum: only those who run the forum see them (contact details)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.views.forms import form_copy, form_page, service_page
from organisations.access import can, get_for_user

from .. import services
from ..forms import EndMembershipForm, MemberForm
from ..models import ForumMember
from .helpers import forum_for


@login_required
def member_list(request, pk):
    forum = forum_for(request, pk, "view", "forummember")
    members = ForumMember.objects.filter(forum=forum)
    context = {
        "forum": forum,
        "current": [m for m in members if m.is_current],
        "former": sorted(
            (m for m in members if not m.is_current), key=lambda m: m.left_on, reverse=True
        ),
        "can_change": can(request.user, "change", "forummember", *forum.permission_scope()),
        "can_add": can(request.user, "add", "forummember", *forum.permission_scope()),
    }
    return render(request, "youthforum/member_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def member_add(request, pk):
    forum = forum_for(request, pk, "add", "forummember")
    instance = ForumMember(forum=forum, organisation_id=forum.organisation_id)
    return service_page(
        request,
        forum,
        MemberForm,
        services.add_member,
        _("The member was added."),
        title=_("New member of %(forum)s") % {"forum": forum},
        back=reverse("youthforum:member_list", args=[forum.pk]),
        instance=instance,
        forum=forum,
        done=reverse("youthforum:member_list", args=[forum.pk]),
        template="youthforum/member_form.html",
        context={"forum": forum},
    )


def _member(request, pk):
    """The member the user may change, and the forum's member list to return to."""
    member = get_for_user(
        ForumMember.objects.select_related("forum"), request.user, "change", pk=pk
    )
    return member, reverse("youthforum:member_list", args=[member.forum_id])


@login_required
@require_http_methods(["GET", "POST"])
def member_edit(request, pk):
    member, members_url = _member(request, pk)
    if member.left_on:
        return redirect(members_url)
    return service_page(
        request,
        member,
        MemberForm,
        services.update_member,
        _("The member was saved."),
        title=_("Edit %(name)s") % {"name": member},
        back=members_url,
        instance=form_copy(member),
        forum=member.forum,
        done=members_url,
        template="youthforum/member_form.html",
        context={"forum": member.forum},
    )


@login_required
@require_http_methods(["GET", "POST"])
def member_end(request, pk):
    member, members_url = _member(request, pk)
    if member.left_on:
        return redirect(members_url)
    return form_page(
        request,
        EndMembershipForm(request.POST or None, member=member),
        title=_("End the membership of %(name)s") % {"name": member},
        back=members_url,
        save=lambda form: services.end_membership(
            member, by=request.user, left_on=form.cleaned_data["left_on"]
        ),
        saved=_("The membership has ended and the contact details were erased."),
        done=members_url,
        template="youthforum/member_end.html",
        context={"member": member, "members_url": members_url},
    )
