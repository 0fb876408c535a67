"""A consultation's results for staff, and its exports (CSV, XLSX and a PDF summary)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from .. import exports
from ..results import TEXTS_ON_PAGE, cached_results
from .helpers import consultation_for, may_read_answers

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def results(request, pk):
    """Everyone who sees the consultation sees its results; only dialogue leaders and
    coordinators read the children's own words, others the masked texts shown to them."""
    consultation = consultation_for(request.user, pk)
    raw = may_read_answers(request.user, consultation)
    all_texts = request.GET.get("texts") == "all"
    summary = cached_results(consultation, raw=raw, text_limit=None if all_texts else TEXTS_ON_PAGE)
    context = {
        "consultation": consultation,
        "results": summary,
        "raw": raw,
        "all_texts": all_texts,
        "can_moderate": may_read_answers(request.user, consultation, "moderate"),
    }
    return render(request, "participation/results.html", context)


@login_required
def results_export(request, pk, fmt):
    consultation = consultation_for(request.user, pk)
    if fmt == "csv":
        response = HttpResponse(
            exports.answers_csv(consultation), content_type="text/csv; charset=utf-8"
        )
    elif fmt == "xlsx":
        response = HttpResponse(exports.answers_xlsx(consultation), content_type=XLSX)
    else:
        response = HttpResponse(exports.results_pdf(consultation), content_type="application/pdf")
    disposition = "inline" if fmt == "pdf" else "attachment"
    filename = f"resultat-{consultation.code}.{fmt}"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
