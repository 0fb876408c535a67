"""Moderation: texts the screening flagged wait here until a dialogue leader lets the masked
text be shown or hides it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import services
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
    return render(
        request,
        "participation/moderation.html",
        {"consultation": consultation, "items": items},
    )


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
