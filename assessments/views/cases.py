"""Cases: the filtered list, create, detail and edit."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.exports import export_response
from core.keyset import NEWER, OLDER, keyset_page
from core.panels import panels_for
from core.views.forms import edit_page
from organisations.access import can, creatable_anywhere, get_for_user
from organisations.lookups import create_in_organisation

from .. import exports, services
from ..completeness import completeness
from ..filters import CaseFilter
from ..forms import CaseForm
from ..models import Case

# 25 rows keep the page light (see docs/performance.md); the filters find the rest.
PAGE_SIZE = 25
# An export holds at most a year of the largest municipality's cases.
EXPORT_LIMIT = 50_000


def case_queryset():
    return Case.objects.select_related("organisation", "body", "officer")


def list_rows():
    """Only what a row of the list shows: descriptions and search text stay in the database."""
    return Case.objects.select_related("body", "officer").only(
        "case_number",
        "title",
        "status",
        "planned_decision_date",
        "organisation_id",
        "body__name",
        "officer__first_name",
        "officer__last_name",
        "officer__username",
    )


@login_required
def case_list(request):
    # The filters run on each part of the user's scope (a few index ranges); the page's rows
    # are then loaded through the scope itself, so nothing outside it can be listed.
    filterset = CaseFilter(request.GET or None, queryset=Case.objects.all(), user=request.user)
    page = keyset_page(
        filterset.qs,
        request.GET,
        size=PAGE_SIZE,
        parts=Case.objects.visible_parts(request.user),
        rows=list_rows().visible_to(request.user),
    )
    creatable = creatable_anywhere(request.user, "case")
    query = request.GET.copy()
    for key in (NEWER, OLDER):
        query.pop(key, None)
    return render(
        request,
        "assessments/case_list.html",
        {
            "filter": filterset,
            "page": page,
            "creatable": creatable,
            "query_string": query.urlencode(),
        },
    )


@login_required
def case_list_export(request, fmt):
    """The filtered case list as CSV or XLSX: the same filters and scope as the page."""
    filterset = CaseFilter(
        request.GET or None, queryset=case_queryset().visible_to(request.user), user=request.user
    )
    cases = filterset.qs.select_related("assessment")[:EXPORT_LIMIT]
    return export_response(fmt, "arenden", _("Cases"), exports.case_table(cases))


@login_required
@require_http_methods(["GET", "POST"])
def case_create(request, organisation_pk):
    return create_in_organisation(
        request,
        organisation_pk,
        "case",
        CaseForm,
        services.create_case,
        _("The case was created."),
        title=_("New case in %(organisation)s"),
        by_body=True,
        initial={"officer": request.user},
    )


@login_required
def case_detail(request, pk):
    # The assessment with its template, and the decision, come in the case's own query.
    related = ("assessment__template_version__template", "decision")
    case = get_for_user(case_queryset().select_related(*related), request.user, pk=pk)
    assessment = getattr(case, "assessment", None)
    user, scope = request.user, (case.organisation_id, case.body_id)
    context = {
        "case": case,
        "assessment": assessment,
        "checks": completeness(assessment.template_version.sections, assessment.answers)
        if assessment
        else None,
        "reviews": assessment.reviews.select_related("reviewer") if assessment else [],
        # The children's views that were asked for this case.
        "consultations": case.consultations.annotate(
            answers=Count("responses", filter=Q(responses__suspected_flood=False))
        ),
        "decision": getattr(case, "decision", None),
        "attachments": case.attachments.all(),
        "can_edit": can(user, "change", "case", *scope) and case.status != Case.Status.DECIDED,
        "can_assess": can(user, "change", "assessment", *scope),
        "can_review": can(user, "review", "assessment", *scope),
        "can_decide": can(user, "add", "decision", *scope),
        "can_follow_up": can(user, "follow_up", "decision", *scope),
        "can_see_history": can(user, "view", "auditentry", *scope),
        "can_ask_children": can(user, "add", "consultation", *scope),
        # Sections apps above add (the network meetings that prepare the case).
        "panels": panels_for("assessments.case_detail", user, case),
    }
    return render(request, "assessments/case_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def case_edit(request, pk):
    case = get_for_user(case_queryset(), request.user, "change", pk=pk)
    return edit_page(
        request,
        case,
        CaseForm,
        services.update_case,
        _("The case was saved."),
    )
