"""Peer review pages: the list, planning, the review page, the reviewers' records, the report,
the answers, recommendations made activities, and the report as PDF and DOCX. Each view fetches
through `visible_to` (404 for others) and asks `access` which side the user is on (403)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.transitions import run_transition
from core.views.forms import edit_page, form_page, render_form, service_page
from networks.models import Network
from organisations.access import can, can_on, get_for_user
from planning.models import Goal
from planning.success_factors import SuccessFactor

from . import access, exports, services
from .content import review_content
from .forms import (
    ActivityForm,
    AnswerForm,
    DocumentForm,
    FindingForm,
    InterviewForm,
    RecommendationForm,
    ReportForm,
    ReviewForm,
)
from .models import DocumentRead, Finding, Interview, PeerReview, Recommendation

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _review_for(request, pk) -> PeerReview:
    return get_for_user(
        PeerReview.objects.select_related("organisation", "network"), request.user, pk=pk
    )


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


EDITABLE = ("planned", "in_progress")


def _reviewer_review(request, pk) -> PeerReview:
    """The review for the reviewers' pages: 404 unless seen, 403 unless on the reviewing side,
    and 404 once reported (the findings are then closed)."""
    review = _review_for(request, pk)
    _require(access.can_review(request.user, review))
    if review.status not in EDITABLE:
        raise Http404
    return review


def _networks_to_plan_in(user):
    return access.networks_to_plan_in(Network.objects.visible_to(user).order_by("name"), user)


@login_required
def review_list(request):
    reviews = (
        PeerReview.objects.visible_to(request.user)
        .select_related("organisation", "network")
        .prefetch_related("reviewing_organisations")
        .order_by("-year", "organisation__name", "id")
    )
    context = {"reviews": reviews, "networks": _networks_to_plan_in(request.user)}
    return render(request, "peerreview/review_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def review_create(request, network_pk):
    network = get_for_user(Network.objects, request.user, pk=network_pk)
    _require(access.can_plan(request.user, network))
    return service_page(
        request,
        network,
        ReviewForm,
        services.plan_review,
        _("The peer review was planned."),
        title=_("New peer review in %(network)s") % {"network": network},
        network=network,
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_edit(request, pk):
    review = _review_for(request, pk)
    _require(access.can_change_plan(request.user, review))
    if review.status not in EDITABLE:
        raise Http404
    return edit_page(
        request,
        review,
        ReviewForm,
        services.update_plan,
        _("The plan was saved."),
        network=review.network,
        initial={
            "reviewing_organisations": review.reviewing_organisations.all(),
            "reviewers": review.reviewers.all(),
        },
    )


@login_required
def review_detail(request, pk):
    review = _review_for(request, pk)
    context = review_content(review)
    context |= {
        "can_change_plan": access.can_change_plan(request.user, review),
        "can_review": access.can_review(request.user, review),
        "can_answer": access.can_answer(request.user, review),
        "can_see_history": can(request.user, "view", "auditentry", review.organisation_id),
        "editable": review.status in EDITABLE,
    }
    return render(request, "peerreview/review_detail.html", context)


def _transition(request, change, success) -> None:
    try:
        change()
    except services.ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)


@login_required
@require_POST
def review_start(request, pk):
    review = _review_for(request, pk)
    _require(access.can_review(request.user, review))
    _transition(
        request,
        lambda: services.start_review(review, by=request.user),
        _("The review is in progress."),
    )
    return redirect(review)


def _add_part(request, pk, form_class, service, title, success):
    review = _reviewer_review(request, pk)
    return form_page(
        request,
        form_class(request.POST or None),
        title=title % {"review": review},
        back=review,
        save=lambda form: service(review, by=request.user, **form.cleaned_data),
        saved=success,
        done=review,
    )


@login_required
@require_http_methods(["GET", "POST"])
def interview_add(request, pk):
    return _add_part(
        request,
        pk,
        InterviewForm,
        services.add_interview,
        _("New interview in %(review)s"),
        _("The interview was recorded."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def document_add(request, pk):
    return _add_part(
        request,
        pk,
        DocumentForm,
        services.add_document,
        _("New document read in %(review)s"),
        _("The document was recorded."),
    )


PARTS = {"interviews": Interview, "documents": DocumentRead, "recommendations": Recommendation}


@login_required
@require_POST
def part_delete(request, pk, kind, part_pk):
    """Remove an interview, a document read or a recommendation (the reviewers, before the
    report)."""
    review = _reviewer_review(request, pk)
    part = get_for_user(PARTS[kind].objects.filter(review=review), request.user, pk=part_pk)
    _transition(request, lambda: services.remove_part(part, by=request.user), _("It was removed."))
    return redirect(review)


def _focus_factor(review, factor) -> SuccessFactor:
    if factor not in review.focus_factors:
        raise Http404
    return SuccessFactor(factor)


@login_required
@require_http_methods(["GET", "POST"])
def finding_edit(request, pk, factor):
    review = _reviewer_review(request, pk)
    factor = _focus_factor(review, factor)
    finding = Finding.objects.filter(review=review, factor=factor).first()
    initial = {"text": finding.text, "level": finding.level} if finding else None
    return form_page(
        request,
        FindingForm(request.POST or None, initial=initial),
        title=_("Findings on %(factor)s") % {"factor": factor.label},
        back=review,
        save=lambda form: services.save_finding(
            review, factor, by=request.user, **form.cleaned_data
        ),
        saved=_("The findings were saved."),
        done=review.get_absolute_url() + f"#factor-{factor}",
    )


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_add(request, pk, factor):
    review = _reviewer_review(request, pk)
    factor = _focus_factor(review, factor)
    form = RecommendationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():

        def add():
            finding = Finding.objects.filter(review=review, factor=factor).first()
            if finding is None:
                finding = services.save_finding(
                    review, factor, by=request.user, text="", level=None
                )
            services.add_recommendation(finding, by=request.user, **form.cleaned_data)

        if run_transition(request, form=form, change=add):
            messages.success(request, _("The recommendation was added."))
            return redirect(review.get_absolute_url() + f"#factor-{factor}")
    title = _("New recommendation on %(factor)s") % {"factor": factor.label}
    return render_form(request, form, title, review.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def review_report(request, pk):
    review = _reviewer_review(request, pk)
    return form_page(
        request,
        ReportForm(request.POST or None, initial={"summary": review.summary}),
        title=_("Report %(title)s") % {"title": review},
        back=review,
        save=lambda form: services.report_review(review, by=request.user, **form.cleaned_data),
        saved=_("The review was reported."),
    )


def _recommendation_for(request, pk) -> Recommendation:
    recommendation = get_for_user(
        Recommendation.objects.select_related("review", "review__organisation", "finding"),
        request.user,
        pk=pk,
    )
    _require(access.can_answer(request.user, recommendation.review))
    return recommendation


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_answer(request, pk):
    recommendation = _recommendation_for(request, pk)
    initial = {"answer": recommendation.answer, "answer_text": recommendation.answer_text}
    return service_page(
        request,
        recommendation,
        AnswerForm,
        services.answer_recommendation,
        _("The answer was saved."),
        title=_("Answer the recommendation: %(text)s") % {"text": recommendation},
        initial=initial,
    )


def _goals_for(request, review):
    """Goals in the reviewed organisation's own plans that the user may add activities to."""
    goals = (
        Goal.objects.visible_to(request.user)
        .filter(plan__organisation_id=review.organisation_id, plan__body=None)
        .select_related("plan", "area")
        .order_by("-plan__start_year", "plan__title", "area__position", "position", "id")
    )
    plans_allowed = {}
    allowed = []
    for goal in goals:
        if goal.plan_id not in plans_allowed:
            plans_allowed[goal.plan_id] = can_on(request.user, "change", goal.plan)
        if plans_allowed[goal.plan_id]:
            allowed.append(goal.pk)
    return (
        Goal.objects.filter(pk__in=allowed)
        .select_related("plan", "area")
        .order_by("-plan__start_year", "plan__title", "area__position", "position", "id")
    )


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_activity(request, pk):
    recommendation = _recommendation_for(request, pk)
    if recommendation.activity_id:
        return redirect(recommendation.activity)
    goals = _goals_for(request, recommendation.review)
    form = ActivityForm(
        request.POST or None, goals=goals, initial={"title": str(recommendation)[:300]}
    )
    if request.method == "POST" and form.is_valid():
        created = []
        data = dict(form.cleaned_data)
        goal = data.pop("goal")

        def make():
            created.append(
                services.recommendation_to_activity(recommendation, goal, by=request.user, **data)
            )

        if run_transition(request, form=form, change=make):
            messages.success(request, _("The activity was added to the action plan."))
            return redirect(created[0])
    title = _("Make the recommendation an activity: %(text)s") % {"text": recommendation}
    return render_form(request, form, title, recommendation.get_absolute_url())


@login_required
def review_download(request, pk, fmt):
    review = _review_for(request, pk)
    if fmt == "pdf":
        content, content_type = exports.review_pdf(review, request=request), "application/pdf"
    else:
        content, content_type = exports.review_docx(review), DOCX
    response = HttpResponse(content, content_type=content_type)
    filename = slugify(f"kollegial-granskning-{review.organisation.name}-{review.year}")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
