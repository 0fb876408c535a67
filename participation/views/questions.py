"""Adding, changing, moving and removing the questions of a draft consultation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.transitions import run_transition
from core.views.forms import form_copy, service_page

from .. import services
from ..forms import QuestionForm
from .helpers import consultation_for, question_for


@login_required
@require_http_methods(["GET", "POST"])
def question_add(request, pk):
    consultation = consultation_for(request.user, pk, "change")
    return service_page(
        request,
        consultation,
        QuestionForm,
        services.add_question,
        _("The question was added."),
        title=f"{_('New question')} – {consultation}",
        done=consultation,
    )


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request, pk):
    question = question_for(request.user, pk)
    return service_page(
        request,
        question,
        QuestionForm,
        services.update_question,
        _("The question was saved."),
        title=f"{_('Edit the question')} – {question.consultation}",
        back=question.consultation,
        instance=form_copy(question),
        done=question.consultation,
    )


@login_required
@require_POST
def question_delete(request, pk):
    question = question_for(request.user, pk)
    if run_transition(request, lambda: services.delete_question(question, by=request.user)):
        messages.success(request, _("The question was removed."))
    return redirect(question.consultation)


@login_required
@require_POST
def question_move(request, pk):
    question = question_for(request.user, pk)
    up = request.POST.get("direction") == "up"
    run_transition(request, lambda: services.move_question(question, by=request.user, up=up))
    return redirect(question.consultation)
