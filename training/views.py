"""Trainings: the list (filters, exports), create, detail, edit, delete, material; the coverage
page with its chart and who has not been trained; the headcounts and target of a year."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from core.charts import bar_chart
from core.deletion import delete_now
from core.exports import export_response
from core.transitions import run_transition
from core.views.forms import render_form
from core.views.generic import delete_now_view, edit_view
from organisations.access import (
    can,
    can_on,
    creatable_anywhere,
    get_for_user,
    record_actions,
    require,
)
from organisations.lookups import create_in_organisation
from organisations.models import Body, Organisation

from . import counts, coverage, services
from .exports import coverage_table, session_table
from .forms import HeadcountForm, MaterialForm, SessionForm
from .models import Headcount, TargetGroup, TrainingMaterial, TrainingSession

PAGE_SIZE = 50


def _year(value, default=None):
    try:
        year = int(value)
    except (TypeError, ValueError):
        return default
    return year if 2000 <= year <= 2100 else default


def filtered_sessions(request):
    """The sessions the user sees, narrowed by the list's filters (page and exports alike)."""
    sessions = TrainingSession.objects.visible_to(request.user).select_related("organisation")
    chosen = {}
    # Several organisations: a joint yearly account's total links here (issue 22).
    organisations = [
        int(value)
        for value in request.GET.getlist("organisation")
        if value.isdigit() and len(value) < 10
    ]
    if organisations:
        sessions = sessions.filter(organisation_id__in=organisations)
        chosen["organisation"] = organisations[0] if len(organisations) == 1 else organisations
    year = _year(request.GET.get("year"))
    if year:
        sessions = sessions.filter(counts.held_in(year))
        chosen["year"] = year
    group = request.GET.get("target_group")
    if group in TargetGroup.values:
        sessions = sessions.filter(target_group=group)
        chosen["target_group"] = group
    fmt = request.GET.get("format")
    if fmt in TrainingSession.Format.values:
        sessions = sessions.filter(format=fmt)
        chosen["format"] = fmt
    body = request.GET.get("body", "")
    if body.isdigit() and len(body) < 10:
        sessions = sessions.filter(body_counts__body_id=int(body)).distinct()
        chosen["body"] = int(body)
    return sessions.order_by("-held_on", "-id"), chosen


@login_required
def session_list(request):
    sessions, chosen = filtered_sessions(request)
    page = Paginator(sessions.prefetch_related("body_counts__body"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "sessions": page.object_list,
        "creatable": creatable_anywhere(request.user, "trainingsession"),
        "organisations": Organisation.objects.visible_to(request.user).order_by("name"),
        "bodies": Body.objects.visible_to(request.user).order_by("name"),
        "formats": TrainingSession.Format.choices,
        "groups": TargetGroup.choices,
        "chosen": chosen,
        "query": urlencode(chosen, doseq=True),
        "this_year": timezone.localdate().year,
    }
    return render(request, "training/session_list.html", context)


@login_required
def session_export(request, fmt):
    sessions, _chosen = filtered_sessions(request)
    table = session_table(sessions.prefetch_related("body_counts__body"))
    return export_response(fmt, "utbildningar", _("Trainings"), table)


@login_required
@require_http_methods(["GET", "POST"])
def session_create(request, organisation_pk):
    return create_in_organisation(
        request,
        organisation_pk,
        "trainingsession",
        SessionForm,
        services.create_session,
        _("The training was saved."),
        title=_("New training in %(organisation)s"),
        by_body=True,
        back=reverse("training:session_list"),
    )


def _session_for(request, pk, action="view"):
    sessions = TrainingSession.objects.select_related("organisation")
    return get_for_user(sessions, request.user, action, pk=pk)


@login_required
def session_detail(request, pk):
    session = _session_for(request, pk)
    see_people = can_on(request.user, "view_attendees", session)
    context = {
        "session": session,
        "body_counts": session.body_counts.select_related("body"),
        "materials": session.materials.all(),
        "attendees": session.attendees.order_by("last_name", "first_name") if see_people else None,
        "can_add_material": can(
            request.user, "add", "trainingmaterial", *session.permission_scope()
        ),
        **record_actions(request.user, session, session.organisation_id),
    }
    return render(request, "training/session_detail.html", context)


session_edit = edit_view(
    _session_for, SessionForm, services.update_session, gettext_lazy("The training was saved.")
)


session_delete = delete_now_view(
    _session_for,
    services.delete_session,
    gettext_lazy("The training was deleted."),
    "training:session_list",
)


@login_required
@require_http_methods(["GET", "POST"])
def material_add(request, pk):
    session = _session_for(request, pk)
    require(request.user, "add", "trainingmaterial", *session.permission_scope())
    form = MaterialForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def add():
            services.add_material(
                session, by=request.user, title=data["title"], uploaded=data["file"]
            )

        if run_transition(request, form=form, change=add):
            messages.success(request, _("The material was added."))
            return redirect(session)
    title = _("Add material to %(title)s") % {"title": session}
    return render_form(request, form, title, session.get_absolute_url())


@login_required
def material_file(request, pk):
    material = get_for_user(TrainingMaterial.objects, request.user, pk=pk)
    return FileResponse(
        material.file.open("rb"),
        as_attachment=True,
        filename=material.original_name,
        content_type=material.content_type,
    )


@login_required
@require_POST
def material_delete(request, pk):
    material = get_for_user(
        TrainingMaterial.objects.select_related("session"), request.user, "delete", pk=pk
    )
    session = material.session
    return delete_now(
        request, material, services.delete_material, _("The material was removed."), session
    )


def _coverage(request, organisation_pk):
    organisation = get_for_user(Organisation.objects, request.user, pk=organisation_pk)
    year = _year(request.GET.get("year"), timezone.localdate().year)
    return organisation, year, coverage.coverage_rows(organisation, year)


@login_required
def coverage_page(request, organisation_pk):
    organisation, year, rows = _coverage(request, organisation_pk)
    target = coverage.target_for(organisation, year)
    chart = bar_chart(
        _("Share trained %(year)s") % {"year": year},
        coverage.chart_rows(rows),
        unit="%",
        max_value=100,
        goal=target,
    )
    see_people = can(request.user, "view_attendees", "trainingsession", organisation.pk)
    context = {
        "organisation": organisation,
        "year": year,
        "years": range(year - 2, year + 2),
        "rows": rows,
        "target": target,
        "chart": chart,
        "untrained": coverage.not_yet_trained(organisation) if see_people else None,
        "can_change": can(request.user, "change", "headcount", organisation.pk),
    }
    return render(request, "training/coverage.html", context)


@login_required
def coverage_export(request, organisation_pk, fmt):
    _organisation, year, rows = _coverage(request, organisation_pk)
    return export_response(fmt, f"utbildningstackning-{year}", _("Coverage"), coverage_table(rows))


@login_required
@require_http_methods(["GET", "POST"])
def headcounts(request, organisation_pk, year):
    organisation = get_for_user(Organisation.objects, request.user, pk=organisation_pk)
    if not 2000 <= year <= 2100:
        raise Http404
    if not can(request.user, "change", "headcount", organisation.pk):
        raise PermissionDenied
    existing = {
        (row.body_id, row.target_group): row.count
        for row in Headcount.objects.filter(organisation=organisation, year=year)
    }
    form = HeadcountForm(
        request.POST or None,
        organisation=organisation,
        headcounts=existing,
        target=coverage.target_for(organisation, year),
    )
    if request.method == "POST" and form.is_valid():

        def save():
            services.set_headcounts(organisation, year, by=request.user, counts=form.counts())
            services.set_target(organisation, year, form.cleaned_data["target"], by=request.user)

        if run_transition(request, form=form, change=save):
            messages.success(request, _("The headcounts were saved."))
            url = reverse("training:coverage", args=[organisation.pk])
            return redirect(f"{url}?year={year}")
    title = _("Headcounts and target %(year)s, %(organisation)s") % {
        "year": year,
        "organisation": organisation,
    }
    back = reverse("training:coverage", args=[organisation.pk]) + f"?year={year}"
    return render_form(request, form, title, back)
