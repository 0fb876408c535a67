"""A consultation's results for staff, and its exports (CSV, XLSX and a PDF summary)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.exports import export_response

from .. import exports
from ..results import TEXTS_ON_PAGE, cached_results, consultation_year
from .helpers import consultation_for, may_read_answers


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
        "year": consultation_year(consultation),
        "can_moderate": may_read_answers(request.user, consultation, "moderate"),
    }
    return render(request, "participation/results.html", context)


@login_required
def results_export(request, pk, fmt):
    consultation = consultation_for(request.user, pk)
    filename = f"resultat-{consultation.code}"
    if fmt != "pdf":
        table = exports.answers_table(consultation)
        return export_response(fmt, filename, _("Answers"), table)
    response = HttpResponse(exports.results_pdf(consultation), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}.pdf"'
    return response
