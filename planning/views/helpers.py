"""Small helpers the planning views share."""

from django.http import HttpResponse
from django.shortcuts import render

from organisations.access import get_for_user, require

from ..exports import as_csv, as_xlsx
from ..models import ActionPlan

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def plan_for(request, pk, action="view", object_type="actionplan") -> ActionPlan:
    """The plan if the user sees it (else 404) and may do `action` on `object_type` in its
    scope (else 403)."""
    plan = get_for_user(
        ActionPlan.objects.select_related("organisation", "body", "network"), request.user, pk=pk
    )
    if (action, object_type) != ("view", "actionplan"):
        require(request.user, action, object_type, *plan.permission_scope())
    return plan


def render_form(request, form, title, back, *, multipart=False):
    context = {"form": form, "title": title, "back": back, "multipart": multipart}
    return render(request, "planning/form.html", context)


def export_response(fmt: str, filename: str, sheet_name: str, table) -> HttpResponse:
    columns, rows = table
    if fmt == "csv":
        response = HttpResponse(as_csv(columns, rows), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(as_xlsx(sheet_name, columns, rows), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
