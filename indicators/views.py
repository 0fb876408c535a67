"""The catalogue, the children's conditions page, the comparison per indicator with its CSV,
the import page and citations from an assessment."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from assessments.models import Case
from core.exports import as_csv
from core.models import Job
from core.views.forms import edit_page, form_page
from core.views.history import history_page
from organisations.access import (
    allowed_bodies,
    bodies_where_allowed,
    can,
    get_for_user,
    require,
    user_access,
)
from organisations.models import Organisation

from . import comparisons, equity, progress, services
from . import jobs as import_jobs
from .forms import CitationForm, ImportForm, IndicatorForm
from .imports.core import ImportFailed, read_upload
from .imports.detect import choose_format
from .imports.template import example_csv
from .models import Citation, ImportRun, Indicator, ValueStatus


def can_manage_catalogue(user, indicator=None) -> bool:
    """An organisation's own indicator: its coordinators. The shared catalogue: coordinators of
    any organisation (decision 0009); every change is in the audit log."""
    if indicator is not None and indicator.organisation_id:
        return can(user, "change", "indicator", indicator.organisation_id)
    if user.is_superuser:
        return True
    access = user_access(user)
    return any(can(user, "change", "indicator", pk) for pk in access.organisation_roles)


def indicator_for(request, pk) -> Indicator:
    return get_for_user(Indicator.objects.select_related("organisation"), request.user, pk=pk)


def organisation_for(request, pk) -> Organisation:
    return get_for_user(Organisation.objects, request.user, pk=pk)


@login_required
def indicator_list(request):
    indicators = Indicator.objects.visible_to(request.user).select_related("organisation")
    context = {
        "indicators": indicators,
        "can_add": can_manage_catalogue(request.user),
        "organisations": user_access(request.user).organisation_names,
    }
    return render(request, "indicators/indicator_list.html", context)


@login_required
def indicator_detail(request, pk):
    indicator = indicator_for(request, pk)
    context = {
        "indicator": indicator,
        "articles": indicator.articles.order_by("number"),
        "target_areas": indicator.target_areas.order_by("number"),
        "organisations": user_access(request.user).organisation_names,
        "can_change": can_manage_catalogue(request.user, indicator),
    }
    return render(request, "indicators/indicator_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_create(request):
    if not can_manage_catalogue(request.user):
        raise PermissionDenied
    return form_page(
        request,
        IndicatorForm(request.POST or None),
        title=_("New indicator"),
        back=reverse("indicators:indicator_list"),
        save=lambda form: services.create_indicator(by=request.user, **form.service_fields()),
        saved=_("The indicator was saved."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicator_edit(request, pk):
    indicator = indicator_for(request, pk)
    if not can_manage_catalogue(request.user, indicator):
        raise PermissionDenied
    return edit_page(
        request,
        indicator,
        IndicatorForm,
        services.update_indicator,
        _("The indicator was saved."),
        title=_("Edit %(indicator)s") % {"indicator": indicator},
    )


@login_required
def indicator_history(request, pk):
    """The catalogue entry's changes (a shared indicator has no organisation, so the common
    history page, which checks the organisation's roles, does not serve it)."""
    indicator = indicator_for(request, pk)
    if not can_manage_catalogue(request.user, indicator):
        raise PermissionDenied
    return history_page(request, indicator)


@login_required
def conditions(request, organisation_pk):
    """The organisation's children's conditions: the featured indicators as small charts."""
    organisation = organisation_for(request, organisation_pk)
    indicators = list(
        Indicator.objects.visible_to(request.user).filter(featured=True).order_by("position")
    )
    areas = comparisons.comparison_areas(organisation) if organisation.scb_code else []
    charts = []
    for indicator in indicators:
        values = comparisons.read_values(indicator, [a.code for a in areas], gender="T")
        chart = comparisons.comparison_chart(
            indicator, areas, values, id_prefix=f"indicator-{indicator.pk}"
        )
        charts.append((indicator, chart))
    context = {
        "organisation": organisation,
        "charts": charts,
        "can_import": can(request.user, "add", "importrun", organisation.pk),
    }
    return render(request, "indicators/conditions.html", context)


@login_required
def health_equity(request, organisation_pk):
    """Health and equity: the public-health indicators' differences between women and men,
    age bands and areas (the organisation, the municipalities its joint bodies serve, the
    county and Sweden), from the stored values."""
    organisation = organisation_for(request, organisation_pk)
    areas = equity.equity_areas(organisation)
    rows = equity.equity_rows(equity.health_indicators(request.user, organisation), areas)
    context = {
        "organisation": organisation,
        "areas": areas,
        "rows": rows,
        "can_import": can(request.user, "add", "importrun", organisation.pk)
        or bool(bodies_where_allowed(request.user, "add", "importrun", organisation.pk)),
    }
    return render(request, "indicators/health_equity.html", context)


def _comparison(request, organisation, indicator):
    neighbours = comparisons.network_neighbours(organisation)
    offered = {area.code for area in neighbours}
    chosen = [code for code in request.GET.getlist("compare") if code in offered][:2]
    areas = comparisons.comparison_areas(organisation, chosen)
    genders = ["T", "K", "M"] if indicator.by_gender else ["T"]
    values = comparisons.read_values(indicator, [a.code for a in areas], genders=genders)
    return neighbours, chosen, areas, values


@login_required
def comparison(request, organisation_pk, pk):
    organisation = organisation_for(request, organisation_pk)
    indicator = indicator_for(request, pk)
    neighbours, chosen, areas, values = _comparison(request, organisation, indicator)
    chart = comparisons.comparison_chart(indicator, areas, values, id_prefix="comparison")
    groups = comparisons.groups_of(organisation)
    group = next((g for g in groups if str(g.pk) == request.GET.get("group")), None)
    by_gender = None
    if indicator.by_gender and areas:
        by_gender = comparisons.gender_chart(indicator, areas[0], values, id_prefix="by-gender")
    missing = {
        (code, year)
        for (code, _sex), series in values.items()
        for year, (_value, status) in series.items()
        if status != ValueStatus.FINAL
    }
    context = {
        "organisation": organisation,
        "indicator": indicator,
        "chart": chart,
        "by_gender": by_gender,
        "neighbours": neighbours,
        "chosen": chosen,
        "query": "&".join(f"compare={code}" for code in chosen),
        "standing": comparisons.latest_standing(indicator, organisation)
        if len(organisation.scb_code) == 4
        else None,
        "groups": groups,
        "group": group,
        "group_standing": comparisons.latest_standing(indicator, organisation, group=group)
        if group
        else None,
        "has_uncertain": bool(missing),
        "can_share": can(request.user, "add", "shareditem", organisation.pk),
    }
    return render(request, "indicators/comparison.html", context)


@login_required
def comparison_export(request, organisation_pk, pk):
    organisation = organisation_for(request, organisation_pk)
    indicator = indicator_for(request, pk)
    _neighbours, _chosen, areas, values = _comparison(request, organisation, indicator)
    labels = {"T": _("total"), "K": _("girls"), "M": _("boys")}
    status_labels = dict(ValueStatus.choices)
    columns = [_("Area"), _("SCB code"), _("Year"), _("Gender"), _("Value"), _("Status")]
    rows = [
        [
            area.name,
            area.code,
            year,
            str(labels[sex]),
            "" if value is None else value,
            str(status_labels.get(status, status)),
        ]
        for area in areas
        for sex in ("T", "K", "M")
        for year, (value, status) in sorted(values.get((area.code, sex), {}).items())
    ]
    response = HttpResponse(as_csv(columns, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{indicator.code}-{organisation.scb_code or organisation.pk}.csv"'
    )
    return response


@login_required
@require_http_methods(["GET", "POST"])
def import_values(request, organisation_pk):
    """Upload a file; a worker imports it (indicators/jobs.py) while the page shows how far it
    has come, then what it changed or which lines are wrong. `?job=` shows a job's outcome."""
    organisation = organisation_for(request, organisation_pk)
    # A team's coordinator holds the role on the team, a body of the host: figures are public
    # statistics by area, so a role on one of the organisation's bodies is enough.
    allowed_bodies(request.user, "add", "importrun", organisation.pk)
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    job, errors = _shown_job(request, organisation), []
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            data = read_upload(uploaded)
            fmt = choose_format(form.cleaned_data["format"], data)
        except ImportFailed as failure:
            errors = failure.errors
        else:
            job = import_jobs.start_import(
                data,
                organisation=organisation,
                by=request.user,
                token=_token(request),
                options={
                    "format": fmt,
                    "file_name": uploaded.name,
                    "indicator": getattr(form.cleaned_data["indicator"], "pk", None),
                    "skip_unknown_areas": form.cleaned_data["skip_unknown_areas"],
                },
            )
    summary = job.result if job is not None and job.status == Job.Status.DONE else None
    if job is not None and job.status == Job.Status.FAILED:
        errors = job.result.get("errors") or [(0, job.error)]
    pending = job if job is not None and not job.finished else None
    context = {
        "organisation": organisation,
        "form": form,
        "progress_token": progress.new_token(),
        "errors": errors,
        "summary": summary,
        "pending": pending,
        "runs": ImportRun.objects.filter(organisation=organisation).select_related("created_by")[
            :10
        ],
    }
    status = 400 if errors else 202 if pending else 200
    return render(request, "indicators/import.html", context, status=status)


def _token(request) -> str:
    """The page's token (the job's key and the progress bar's), or a new one without script."""
    token = request.POST.get("progress", "")
    return token if progress.TOKEN.match(token) else progress.new_token()


def _shown_job(request, organisation):
    """The import job `?job=` names, if it is one of the organisation's."""
    pk = request.GET.get("job", "")
    if not pk.isdigit():
        return None
    jobs = Job.objects.visible_to(request.user).filter(organisation=organisation)
    return jobs.filter(pk=pk, kind=import_jobs.KIND).first()


@login_required
def import_progress(request, organisation_pk, token):
    """How far the user's running import has come, as JSON for the progress bar; with its
    job's state once a worker has it."""
    organisation = organisation_for(request, organisation_pk)
    allowed_bodies(request.user, "add", "importrun", organisation.pk)
    state = progress.read(token, request.user.pk) or {"phase": "unknown", "done": 0, "total": 0}
    if state.get("job"):
        job = Job.objects.filter(pk=state["job"], organisation=organisation).first()
        state["status"] = job.status if job else "unknown"
    return JsonResponse(state, headers={"Cache-Control": "no-store"})


@login_required
def template_example(request):
    response = HttpResponse(example_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="barnratt-indikatorer-mall.csv"'
    return response


@login_required
@require_POST
def cite(request, case_pk):
    case = get_for_user(Case.objects.select_related("assessment"), request.user, pk=case_pk)
    assessment = getattr(case, "assessment", None)
    if assessment is None:
        return redirect(case)
    require(request.user, "add", "citation", case.organisation_id, case.body_id)
    form = CitationForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.cite_indicator(assessment, by=request.user, **form.cleaned_data)
            messages.success(request, _("The indicator is cited in the assessment."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Choose an indicator."))
    return redirect(reverse("assessments:case_detail", args=[case.pk]) + "#indicators-heading")


@login_required
@require_POST
def uncite(request, pk):
    citation = get_for_user(
        Citation.objects.select_related("assessment__case"), request.user, pk=pk
    )
    require(request.user, "delete", "citation", *citation.permission_scope())
    services.remove_citation(citation, by=request.user)
    messages.success(request, _("The indicator is no longer cited."))
    return redirect(reverse("assessments:case_detail", args=[citation.assessment.case_id]))
