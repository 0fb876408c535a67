"""Moderation: texts the screening flagged wait here until a dialogue leader lets the masked
text be shown or hides it, and so do responses held as a suspected flood (more answers from one
address than the limit allows, participation/abuse.py) until a person lets them through."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from .. import services
from ..exports import answer_in_words
from ..models import Answer
from ..screening import reason_words
from .helpers import answer_for, consultation_for, may_read_answers


@login_required
def moderation(request, pk):
    consultation = consultation_for(request.user, pk)
    if not may_read_answers(request.user, consultation, "moderate"):
        raise PermissionDenied
    waiting = Answer.objects.filter(
        question__consultation=consultation, moderation=Answer.Moderation.PENDING
    ).select_related("question")
    items = [(answer, reason_words(answer.screening_reasons)) for answer in waiting]
    held = services.held_responses(consultation)
    return render(
        request,
        "participation/moderation.html",
        {
            "consultation": consultation,
            "items": items,
            "held_count": held.count(),
            "held_sample": _sample(held),
        },
    )


def _sample(held, size=20):
    """The newest held responses, each as (question, answer in words, masked), so that a
    person can judge whether children or a script sent them."""
    responses = held.order_by("-id").prefetch_related("answers__question")[:size]
    return [
        [
            (a.question.text, answer_in_words(a.question, a.value, a.masked_text))
            for a in response.answers.all()
        ]
        for response in responses
    ]


@login_required
@require_POST
def release_flood(request, pk):
    consultation = consultation_for(request.user, pk)
    if not may_read_answers(request.user, consultation, "moderate"):
        raise PermissionDenied
    count = services.release_flood(consultation, by=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)s held answer is now in the results.",
            "%(count)s held answers are now in the results.",
            count,
        )
        % {"count": count},
    )
    return redirect("participation:moderation", pk=consultation.pk)


@login_required
@require_POST
def moderate(request, pk):
    answer = answer_for(request.user, pk, "moderate")
    approve = request.POST.get("decision") == "approve"
    services.moderate(answer, by=request.user, approve=approve)
    if approve:
        messages.success(request, _("The masked text is shown with the results."))
    else:
        messages.success(request, _("The text is hidden from everyone but the dialogue leaders."))
    return redirect("participation:moderation", pk=answer.question.consultation_id)
