"""The yearly self-assessment of the seven success factors: the list, starting a year, the one
page with all seven factors, the overview (radar chart, trend over years, data table) and the
export of every year."""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Avg, Count, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.charts import line_chart
from core.exports import export_response
from core.radar import radar_chart
from core.transitions import run_transition
from organisations.access import can, creatable_anywhere, get_for_user
from organisations.lookups import create_in_organisation

from .. import selfassessment_services as services
from ..evidence import attach_evidence, evidence_groups
from ..exports import rating_table
from ..maturity import HIGHEST
from ..models import FactorRating, SelfAssessment
from ..selfassessment_forms import RatingForm, StartForm, SummaryForm
from ..success_factors import SuccessFactor

SELF = FactorRating.Source.SELF


def _assessment_for(request, pk, action="view") -> SelfAssessment:
    return get_for_user(
        SelfAssessment.objects.select_related("organisation", "body"), request.user, action, pk=pk
    )


@login_required
def selfassessment_list(request):
    assessments = (
        SelfAssessment.objects.visible_to(request.user)
        .select_related("organisation", "body")
        .annotate(
            mean=Avg("ratings__level", filter=Q(ratings__source=SELF)),
            # The mean is over the rated factors only; the page says how many those are.
            rated=Count("ratings", filter=Q(ratings__source=SELF, ratings__level__isnull=False)),
        )
        .order_by("organisation__name", "body__name", "-year", "id")
    )
    creatable = creatable_anywhere(request.user, "selfassessment")
    context = {
        "assessments": assessments,
        "creatable": creatable,
        "factor_count": len(SuccessFactor.values),
    }
    return render(request, "planning/selfassessment_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def selfassessment_create(request, organisation_pk):
    return create_in_organisation(
        request,
        organisation_pk,
        "selfassessment",
        StartForm,
        services.start_self_assessment,
        _("The self-assessment was started. Now rate the factors."),
        title=_("New self-assessment in %(organisation)s"),
        by_body=True,
        back=reverse("planning:selfassessment_list"),
        done=lambda assessment: reverse("planning:selfassessment_edit", args=[assessment.pk]),
    )


def _rating_forms(request, assessment, ratings):
    policies, plans, trainings = (
        list(choices) for choices in services.evidence_choices(assessment)
    )
    by_factor = {rating.factor: rating for rating in ratings}
    forms = []
    for factor in SuccessFactor:
        rating = by_factor.get(factor.value)
        forms.append(
            RatingForm(
                request.POST or None,
                prefix=factor.value,
                factor=factor,
                organisation=assessment.organisation,
                policies=policies,
                plans=plans,
                trainings=trainings,
                initial=RatingForm.initial_for(rating) if rating else None,
            )
        )
    return forms


@login_required
@require_http_methods(["GET", "POST"])
def selfassessment_edit(request, pk):
    """The year's form: all seven factors on one page, saved together."""
    assessment = _assessment_for(request, pk, "change")
    ratings = (
        assessment.ratings.filter(source=SELF)
        .prefetch_related("policies", "plans", "cases", "trainings")
        .order_by("id")
    )
    summary_form = SummaryForm(request.POST or None, initial={"summary": assessment.summary})
    forms = _rating_forms(request, assessment, ratings)
    if request.method == "POST" and summary_form.is_valid() and all(f.is_valid() for f in forms):
        fields = {form.factor.value: form.service_fields() for form in forms}
        summary = summary_form.cleaned_data["summary"]
        if run_transition(
            request,
            form=summary_form,
            change=lambda: services.save_self_assessment(
                assessment, by=request.user, summary=summary, ratings=fields
            ),
        ):
            messages.success(request, _("The self-assessment was saved."))
            return redirect(assessment)
    context = {
        "assessment": assessment,
        "summary_form": summary_form,
        "factor_forms": [(form.factor.label, form) for form in forms],
        "has_errors": summary_form.errors or any(form.errors for form in forms),
    }
    return render(request, "planning/selfassessment_form.html", context)


def rating_series(assessment, ratings, previous=None) -> dict[str, list]:
    """The radar's series: this year's self-rating, last year's for comparison, and one series
    per other source on the same assessment (a peer review adds its ratings with the source
    `peer`; they appear here without a change to the view)."""
    by_source = defaultdict(dict)
    for rating in ratings:
        by_source[rating.source][rating.factor] = rating.level
    series = {
        _("Self-assessment %(year)s") % {"year": assessment.year}: [
            by_source[SELF].get(factor) for factor in SuccessFactor.values
        ]
    }
    if previous is not None:
        series[_("Self-assessment %(year)s") % {"year": previous[0]}] = [
            previous[1].get(factor) for factor in SuccessFactor.values
        ]
    for source, levels in by_source.items():
        if source != SELF:
            label = capfirst(FactorRating.Source(source).label)
            series[f"{label} {assessment.year}"] = [
                levels.get(factor) for factor in SuccessFactor.values
            ]
    return series


def _mean(levels) -> float | None:
    known = [v for v in levels if v is not None]
    return round(sum(known) / len(known), 1) if known else None


def _rated(levels) -> int:
    return sum(1 for v in levels if v is not None)


def _trend(assessment, history, peer_history=None):
    """The mean self-rating per year, as a line, beside the mean of a peer review's ratings in
    the years that had one; every factor per year as table rows (a peer review's as rows of
    their own)."""
    peer_history = peer_history or {}
    years = sorted(history)
    points = [(str(year), _mean(history[year].values())) for year in years]
    series = {_("Mean level"): points}
    if peer_history:
        label = FactorRating.Source.PEER.label
        series[_("Mean level, %(source)s") % {"source": label}] = [
            (str(year), _mean(peer_history[year].values()) if year in peer_history else None)
            for year in years
        ]
    title = _("Mean level of the rated factors per year")
    chart = line_chart(title, series, id_prefix="selfassessment-trend")
    rows = []
    for year, (_label, mean) in zip(years, points, strict=True):
        levels = [history[year].get(factor) for factor in SuccessFactor.values]
        rows.append((year, levels, mean, _rated(levels)))
        if year in peer_history:
            levels = [peer_history[year].get(factor) for factor in SuccessFactor.values]
            name = f"{year} ({FactorRating.Source.PEER.label})"
            rows.append((name, levels, _mean(levels), _rated(levels)))
    return chart, rows


@login_required
def selfassessment_detail(request, pk):
    """The overview: the year's radar beside last year's, the trend over the years, the data as
    tables, and each factor's meaning, evidence and next steps. A fixed number of queries."""
    assessment = _assessment_for(request, pk)
    ratings = list(assessment.ratings.order_by("id"))
    attach_evidence(ratings)
    history = defaultdict(dict)  # year -> factor -> level (self-ratings of every year)
    peer_history = defaultdict(dict)  # year -> factor -> level (peer reviews' ratings)
    for year, source, factor, level in FactorRating.objects.filter(
        assessment__in=assessment.same_owner()
    ).values_list("assessment__year", "source", "factor", "level"):
        if source == SELF:
            history[year][factor] = level
        elif level is not None:
            peer_history[year][factor] = level
    earlier = [year for year in history if year < assessment.year]
    previous = (max(earlier), history[max(earlier)]) if earlier else None
    axes = [str(label) for label in SuccessFactor.labels]
    radar = radar_chart(
        _("The seven success factors, %(year)s") % {"year": assessment.year},
        axes,
        rating_series(assessment, ratings, previous),
        max_value=HIGHEST,
        id_prefix="selfassessment-radar",
    )
    trend, trend_rows = _trend(assessment, history, peer_history)
    order = {factor: n for n, factor in enumerate(SuccessFactor.values)}
    own = sorted((r for r in ratings if r.source == SELF), key=lambda r: order[r.factor])
    # The other sources' ratings (a peer review's) are shown under each factor, beside its own.
    others = defaultdict(list)
    for rating in ratings:
        if rating.source != SELF:
            others[rating.factor].append(rating)
    for rating in own:
        rating.other_sources = others.get(rating.factor, [])
        rating.evidence_groups = evidence_groups(rating)
    scope = assessment.permission_scope()
    can_see_history = can(request.user, "view", "auditentry", *scope)
    context = {
        "assessment": assessment,
        "ratings": own,
        "radar": radar,
        "trend": trend,
        "trend_rows": trend_rows,
        "factor_labels": axes,
        "can_change": can(request.user, "change", "selfassessment", *scope),
        "can_see_history": can_see_history,
    }
    return render(request, "planning/selfassessment_detail.html", context)


@login_required
def selfassessment_export(request, pk, fmt):
    """Every year's self-ratings of the same organisation or joint body."""
    assessment = _assessment_for(request, pk)
    ratings = (
        FactorRating.objects.filter(assessment__in=assessment.same_owner(), source=SELF)
        .select_related("assessment")
        .prefetch_related("policies", "plans", "cases", "trainings")
        .order_by("assessment__year", "id")
    )
    table = rating_table(ratings)
    return export_response(fmt, f"sjalvskattning-{assessment.pk}", _("Self-assessment"), table)
