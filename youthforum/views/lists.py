"""The meetings and the proposals of every youth forum the user sees, filtered: the yearly
account's youth-forum counts link here (issue 22)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from ..filters import MeetingFilter, ProposalFilter
from ..models import ForumMeeting, ForumProposal

PAGE_SIZE = 50


def _list(request, filter_class, queryset, template):
    filterset = filter_class(request.GET or None, queryset=queryset, user=request.user)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filter": filterset, "page": page, "query_string": query.urlencode()}
    return render(request, template, context)


@login_required
def meeting_list(request):
    meetings = (
        ForumMeeting.objects.visible_to(request.user)
        .select_related("forum", "organisation")
        .order_by("-held_on", "-id")
    )
    return _list(request, MeetingFilter, meetings, "youthforum/meeting_list.html")


@login_required
def proposal_list(request):
    proposals = (
        ForumProposal.objects.visible_to(request.user)
        .select_related("forum", "organisation", "committee")
        .order_by("-sent_on", "-id")
    )
    return _list(request, ProposalFilter, proposals, "youthforum/proposal_list.html")
