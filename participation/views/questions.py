"""Adding, changing, moving and removing the questions of a draft consultation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.transitions import run_transition
from core.views.forms import form_copy, form_page

from .. import services
from ..forms import QuestionForm
from .helpers import consultation_for, question_for


@login_required
@require_http_methods(["GET", "POST"])
def question_add(request, pk):
    consultation = consultation_for(request.user, pk, "change")
    return form_page(
        request,
        QuestionForm(request.POST or None),
        title=f"{_('New question')} – {consultation}",
        back=consultation,
        save=lambda form: services.add_question(
            consultation, by=request.user, **form.service_fields()
        ),
        saved=_("The question was added."),
        done=consultation,
    )


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request, pk):
    question = question_for(request.user, pk)
    return form_page(
        request,
        QuestionForm(request.POST or None, instance=form_copy(question)),
        title=f"{_('Edit the question')} – {question.consultation}",
        back=question.consultation,
        save=lambda form: services.update_question(
            question, by=request.user, **form.service_fields()
        ),
        saved=_("The question was saved."),
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
