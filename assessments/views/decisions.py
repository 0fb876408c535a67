"""Review (approve or return), the decision, and the follow-up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.transitions import run_transition
from core.views.forms import form_page

from .. import services
from ..completeness import completeness, is_complete
from ..forms import DecisionForm, FollowUpForm, ReviewForm
from ..presentation import answer_sections, cited_statistics
from ..summary import generate_summary
from .assessment import _case_for


@login_required
@require_http_methods(["GET", "POST"])
def review(request, pk):
    case = _case_for(request, pk, "review")
    assessment = getattr(case, "assessment", None)
    if assessment is None:
        return redirect(case)
    sections, answers = assessment.template_version.sections, assessment.answers
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        comments = form.cleaned_data["comments"]
        if request.POST.get("action") == "approve":
            done = run_transition(
                request,
                lambda: services.approve_assessment(assessment, by=request.user, comments=comments),
            )
            message = _("The assessment was approved. The case is ready for decision.")
        else:
            done = run_transition(
                request,
                lambda: services.return_assessment(assessment, by=request.user, comments=comments),
            )
            message = _("The case was returned to the officer.")
        if done:
            messages.success(request, message)
            return redirect(case)
    return render(
        request,
        "assessments/review.html",
        {
            "case": case,
            "assessment": assessment,
            "form": form,
            "sections": answer_sections(sections, answers),
            "checks": completeness(sections, answers),
            "complete": is_complete(sections, answers),
            "citations": cited_statistics(assessment),
            # Beside an edited summary, the one the answers give now: the reviewer sees both.
            "fresh_summary": _fresh_summary(case, assessment),
        },
    )


def _fresh_summary(case, assessment) -> str:
    fresh = generate_summary(case, assessment.answers, assessment.template_version.sections)
    return "" if fresh == assessment.summary else fresh


@login_required
@require_http_methods(["GET", "POST"])
def decide(request, pk):
    case = _case_for(request, pk, "add", "decision")
    # Today, not the planned date: a planned date in another year would silently move the case
    # into that year's account.
    form = DecisionForm(request.POST or None, initial={"decided_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        fields = form.cleaned_data
        if run_transition(
            request, lambda: services.record_decision(case, by=request.user, **fields)
        ):
            messages.success(request, _("The decision was recorded."))
            return redirect(case)
    assessment = getattr(case, "assessment", None)
    context = {"case": case, "form": form, "title": _("Record the decision")}
    if assessment:
        context["checks"] = completeness(assessment.template_version.sections, assessment.answers)
        context["summary"] = assessment.summary
    return render(request, "assessments/decide.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def follow_up(request, pk):
    case = _case_for(request, pk, "follow_up", "decision")
    decision = getattr(case, "decision", None)
    if decision is None:
        return redirect(case)
    return form_page(
        request,
        FollowUpForm(request.POST or None),
        title=_("Follow up: %(case)s") % {"case": case},
        back=case,
        save=lambda form: services.record_follow_up(
            decision,
            by=request.user,
            notes=form.cleaned_data["notes"],
            done_on=form.cleaned_data["done_on"],
        ),
        saved=_("The follow-up was recorded."),
        done=case,
    )
