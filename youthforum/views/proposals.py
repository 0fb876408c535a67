"""Proposals the forum sends to a committee, the committee's answer, and what waits for one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.transitions import run_transition
from core.views.forms import form_page, service_page
from organisations.access import can, can_on, get_for_user

from .. import services
from ..forms import AnswerForm, ProposalForm
from ..models import ForumProposal
from .helpers import forum_for


def proposal_queryset():
    return ForumProposal.objects.select_related(
        "forum", "organisation", "committee", "committee__organisation", "matter"
    )


def can_answer(user, proposal) -> bool:
    return proposal.is_waiting and can(user, "answer", "forumproposal", *proposal.answer_scope())


@login_required
@require_http_methods(["GET", "POST"])
def proposal_create(request, pk):
    forum = forum_for(request, pk, "add", "forumproposal")
    instance = ForumProposal(forum=forum, organisation_id=forum.organisation_id)
    return form_page(
        request,
        ProposalForm(
            request.POST or None,
            instance=instance,
            forum=forum,
            committees=services.committees_for(forum),
            initial={"matter": request.GET.get("matter")},
        ),
        title=_("New proposal from %(forum)s") % {"forum": forum},
        back=forum,
        save=lambda form: services.send_proposal(forum, by=request.user, **form.cleaned_data),
        saved=_("The proposal was sent to the committee."),
    )


@login_required
def proposal_detail(request, pk):
    proposal = get_for_user(proposal_queryset(), request.user, pk=pk)
    user = request.user
    context = {
        "proposal": proposal,
        "forum_visible": can(user, "view", "forum", proposal.organisation_id),
        "can_answer": can_answer(user, proposal),
        "can_withdraw": proposal.is_waiting and can_on(user, "change", proposal),
        "can_see_history": can(user, "view", "auditentry", *proposal.permission_scope()),
    }
    return render(request, "youthforum/proposal_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def proposal_answer(request, pk):
    proposal = get_for_user(proposal_queryset(), request.user, pk=pk)
    if not can(request.user, "answer", "forumproposal", *proposal.answer_scope()):
        raise PermissionDenied
    if not proposal.is_waiting:
        messages.info(request, _("The proposal has already been answered or withdrawn."))
        return redirect(proposal)
    return service_page(
        request,
        proposal,
        AnswerForm,
        services.record_answer,
        _("The committee's answer was recorded."),
        title=_("Record the committee's answer"),
        done=proposal,
        template="youthforum/proposal_answer.html",
        context={"proposal": proposal},
    )


@login_required
@require_POST
def proposal_withdraw(request, pk):
    proposal = get_for_user(proposal_queryset(), request.user, "change", pk=pk)
    if run_transition(request, lambda: services.withdraw_proposal(proposal, by=request.user)):
        messages.success(request, _("The proposal was withdrawn."))
    return redirect(proposal)


@login_required
def proposals_waiting(request):
    """The committees' view: proposals waiting for an answer, per committee."""
    proposals = (
        proposal_queryset()
        .visible_to(request.user)
        .filter(status=ForumProposal.Status.SENT)
        .order_by("committee__name", "committee_id", "sent_on", "id")
    )
    rows = [(proposal, can_answer(request.user, proposal)) for proposal in proposals]
    return render(request, "youthforum/proposals_waiting.html", {"rows": rows})
