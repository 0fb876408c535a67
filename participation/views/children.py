"""The children's pages: no account, reached from a short link, a typed code or a QR code.

Plain words, large touch targets, no JavaScript, and nothing that identifies the child. Closed,
unknown or draft consultations answer with a friendly page, never an error.
"""

from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_http_methods

from .. import abuse, childpage, services
from ..forms import CodeForm, new_submission_key
from ..models import Feedback


def _find(code: str):
    found = childpage.find_for_page_view(code)
    return found and found.consultation


@require_http_methods(["GET", "POST"])
def child_start(request):
    """Type the code from the poster or the teacher."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        consultation = _find(form.cleaned_data["code"])
        if consultation is not None:
            return HttpResponseRedirect(consultation.children_path())
        form.add_error("code", translation.gettext("We found no question with that code."))
    return render(request, "participation/child/start.html", {"form": form})


@require_http_methods(["GET", "POST"])
def child_page(request, code, english=False):
    # A page view may reuse a lookup a second or two old; an answer is checked afresh.
    find = childpage.find if request.method == "POST" else childpage.find_for_page_view
    found = find(code)
    if found is None:
        return render(request, "participation/child/not_found.html", status=404)
    english = english and found.consultation.offered_in_english
    with translation.override("en" if english else "sv"):
        return _child_page(request, found, english)


def _child_page(request, found, english):
    consultation = found.consultation
    context = {"consultation": consultation, "english": english}
    if not consultation.accepts_answers():
        # Only a closed consultation shows the feedback ("Det här hände"): an open one has none
        # published, so the page children answer on does not look for it.
        published = Feedback.objects.filter(consultation=consultation, published_at__isnull=False)
        context["feedback"] = published.first()
        return render(request, "participation/child/closed.html", context)
    if request.method == "GET":
        # Built only when the template's cached fragment of the fields has expired.
        form = SimpleLazyObject(lambda: childpage.answer_form(None, consultation, english))
        return _answer_page(request, context, form, new_submission_key())
    form = childpage.answer_form(request.POST, consultation, english)
    if form.is_valid():
        if form.cleaned_data.get("website"):
            # A robot filled in the field people cannot see: thank it and store nothing.
            return _thanks_redirect(consultation, english)
        # Past the limit for this address the answer is still stored, but held for a person
        # (participation/abuse.py): a class behind one address is never turned away.
        flood = abuse.suspected_flood(request)
        try:
            services.submit_response(
                consultation,
                submission_key=form.cleaned_data["submission_key"],
                age_band=form.cleaned_data["age_band"],
                gender=form.cleaned_data.get("gender", ""),
                class_code=form.cleaned_data.get("class_code", ""),
                area=form.cleaned_data.get("area", ""),
                answers=form.answers(),
                suspected_flood=flood,
                questions=form.questions,
                screened_names=found.screened_names,
            )
        except ValidationError as error:
            form.add_error("class_code" if "class_code" in form.fields else None, error)
        else:
            return _thanks_redirect(consultation, english)
    # Shown again with the child's own submission key, so that a second try cannot store twice.
    return _answer_page(request, context, form, form["submission_key"].value())


def _answer_page(request, context, form, submission_key):
    # The empty form's fields are the same for every child: their HTML is a cached template
    # fragment, under a key that changes with them (childpage.fields_version). A form with
    # errors (a POST) is rendered afresh.
    context.update(
        form=form,
        submission_key=submission_key,
        fields_cached=request.method == "GET",
        # A form shown after a POST has errors (a valid one redirects): the summary on top.
        has_errors=request.method == "POST",
        fields_version=childpage.fields_version(context["consultation"]),
    )
    return render(request, "participation/child/answer.html", context)


def _thanks_redirect(consultation, english):
    url = reverse("participation:child_thanks", args=[consultation.code])
    return HttpResponseRedirect(url + ("?lang=en" if english else ""))


def child_thanks(request, code):
    consultation = _find(code)
    if consultation is None:
        return render(request, "participation/child/not_found.html", status=404)
    english = request.GET.get("lang") == "en" and consultation.offered_in_english
    with translation.override("en" if english else "sv"):
        return render(
            request,
            "participation/child/thanks.html",
            {"consultation": consultation, "english": english},
        )
