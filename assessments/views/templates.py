"""Assessment templates: browse, copy to one's organisation, edit a draft, publish."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.audit import update_object
from core.panels import panels_for
from core.views.forms import render_form
from organisations.access import can_on, get_for_user

from .. import template_services as ts
from ..models import AssessmentTemplate, TemplateVersion
from ..presentation import template_sections
from ..questions import iter_questions
from ..template_forms import (
    CopyTemplateForm,
    NewQuestionForm,
    QuestionForm,
    SectionForm,
    TemplateDetailsForm,
)


@login_required
def template_list(request):
    templates = AssessmentTemplate.objects.visible_to(request.user).select_related("organisation")
    return render(request, "assessments/template_list.html", {"templates": templates})


@login_required
def template_detail(request, pk):
    template = get_for_user(AssessmentTemplate.objects, request.user, pk=pk)
    version = template.versions.order_by("-number").first()
    copy_form = CopyTemplateForm(user=request.user)
    return render(
        request,
        "assessments/template_detail.html",
        {
            "template": template,
            "version": version,
            "sections": template_sections(version),
            "can_edit": not template.is_shipped and can_on(request.user, "change", template),
            "copy_form": copy_form if copy_form.fields["organisation"].queryset.exists() else None,
            "versions": template.versions.all(),
            # "Shared with networks", added by the networks app (core.panels).
            "panels": panels_for("assessments.template_detail", request.user, template),
        },
    )


@login_required
@require_POST
def template_copy(request, pk):
    template = get_for_user(AssessmentTemplate.objects, request.user, pk=pk)
    form = CopyTemplateForm(request.POST, user=request.user)
    if not form.is_valid():
        raise Http404
    own = ts.copy_template(
        template, by=request.user, organisation=form.cleaned_data["organisation"]
    )
    messages.success(request, _("The template was copied. Edit the draft, then publish it."))
    return redirect("assessments:version_edit", pk=own.versions.get().pk)


@login_required
@require_POST
def template_new_draft(request, pk):
    template = get_for_user(AssessmentTemplate.objects, request.user, "change", pk=pk)
    return redirect("assessments:version_edit", pk=ts.new_draft(template, by=request.user).pk)


def _version_for(request, pk):
    version = get_for_user(TemplateVersion.objects.select_related("template"), request.user, pk=pk)
    get_for_user(AssessmentTemplate.objects, request.user, "change", pk=version.template_id)
    return version


@login_required
@require_http_methods(["GET", "POST"])
def version_edit(request, pk):
    version = _version_for(request, pk)
    template = version.template
    details = TemplateDetailsForm(
        initial={"name": template.name, "description": template.description}
    )
    question_form = NewQuestionForm(sections=version.sections)
    section_form = SectionForm()
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            done = _apply(request, version, action)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            if done is not None:
                return redirect(done)
        question_form = NewQuestionForm(
            request.POST if action == "add_question" else None, sections=version.sections
        )
        section_form = SectionForm(request.POST if action == "add_section" else None)
        details = TemplateDetailsForm(
            request.POST if action == "details" else None, initial=details.initial
        )
    return render(
        request,
        "assessments/version_edit.html",
        {
            "version": version,
            "template": template,
            "sections": template_sections(version),
            "question_form": question_form,
            "section_form": section_form,
            "details": details,
            "problems": ts.validate_sections(version.sections),
        },
    )


def _apply(request, version, action):
    """Run one editing action; return where to go next, or None to show the forms again."""
    user, post = request.user, request.POST
    if action in ("remove", "up", "down"):
        key = post.get("key", "")
        if action == "remove":
            ts.remove_question(version, by=user, key=key)
        else:
            ts.move_question(version, by=user, key=key, offset=-1 if action == "up" else 1)
        return request.path
    if action == "publish":
        ts.publish_version(version, by=user)
        messages.success(request, _("The version was published. New assessments can use it."))
        return version.template.get_absolute_url()
    forms_by_action = {
        "add_question": lambda: NewQuestionForm(post, sections=version.sections),
        "add_section": lambda: SectionForm(post),
        "details": lambda: TemplateDetailsForm(post),
    }
    if action not in forms_by_action:
        return None
    form = forms_by_action[action]()
    if not form.is_valid():
        return None
    data = form.cleaned_data
    if action == "add_question":
        ts.add_question(version, by=user, section_key=data.pop("section"), **data)
    elif action == "add_section":
        ts.add_section(version, by=user, **data)
    else:
        update_object(version.template, by=user, **data)
    return request.path


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request, pk, key):
    version = _version_for(request, pk)
    question = next((q for _s, q in iter_questions(version.sections) if q["key"] == key), None)
    if question is None:
        raise Http404
    initial = {
        "text_sv": question["text"]["sv"],
        "text_en": question["text"].get("en", ""),
        "help_sv": question.get("help", {}).get("sv", ""),
        "help_en": question.get("help", {}).get("en", ""),
        "options_text": "\n".join(
            f"{o['text']['sv']} | {o['text'].get('en', '')}" for o in question.get("options", [])
        ),
    }
    form = QuestionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            ts.update_question(version, by=request.user, key=key, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("assessments:version_edit", pk=version.pk)
    return render_form(request, form, _("Edit the question"))
