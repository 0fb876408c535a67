"""Adding, changing, moving and removing the questions of a draft consultation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from assessments.views.helpers import run_transition

from .. import services
from ..forms import QuestionForm
from ..models import Question
from .helpers import consultation_for, question_for


@login_required
@require_http_methods(["GET", "POST"])
def question_add(request, pk):
    consultation = consultation_for(request.user, pk, "change")
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if run_transition(
            request,
            lambda: services.add_question(consultation, by=request.user, **form.service_fields()),
        ):
            messages.success(request, _("The question was added."))
        return redirect(consultation)
    return _form_page(request, form, consultation, _("New question"))


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request, pk):
    question = question_for(request.user, pk)
    form = QuestionForm(request.POST or None, instance=Question.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        if run_transition(
            request,
            lambda: services.update_question(question, by=request.user, **form.service_fields()),
        ):
            messages.success(request, _("The question was saved."))
        return redirect(question.consultation)
    return _form_page(request, form, question.consultation, _("Edit the question"))


def _form_page(request, form, consultation, title):
    return render(
        request,
        "organisations/form.html",
        {"form": form, "title": f"{title} – {consultation}", "object": consultation},
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
