"""The published reports, for anyone and without login: each version is read from its frozen
snapshot alone, so the page takes the same few queries whatever the municipality's size."""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, render

from organisations.models import Organisation

from . import opendata
from .document import localised
from .exports import export_response
from .jobs import pdf_name
from .models import Report, ReportVersion


def report_index(request):
    """Every published report, newest year first, linking to its newest version."""
    reports = (
        Report.objects.filter(versions__isnull=False)
        .distinct()
        .select_related("organisation", "body")
        .order_by("-year", "title", "id")
    )
    return render(request, "reports/public_index.html", {"reports": reports})


def _versions(slug, year):
    return ReportVersion.objects.filter(report__slug=slug, report__year=year)


def _page(request, version, newest_number):
    earlier = list(
        _versions(version.report.slug, version.report.year)
        .order_by("-number")
        .values_list("number", "published_at")
    )
    context = {
        "version": version,
        "report": version.report,
        "doc": localised(version.data),
        "versions": earlier,
        "is_newest": version.number == newest_number,
        "open_data_license": opendata.license_info(),
    }
    return render(request, "reports/public_report.html", context)


def latest_version(request, slug, year):
    version = _versions(slug, year).select_related("report").order_by("-number").first()
    if version is None:
        raise Http404
    return _page(request, version, version.number)


def version_page(request, slug, year, number):
    version = _version(slug, year, number)
    newest = _versions(slug, year).order_by("-number").values_list("number", flat=True).first()
    return _page(request, version, newest)


def _version(slug, year, number):
    version = _versions(slug, year).select_related("report").filter(number=number).first()
    if version is None:
        raise Http404
    return version


def version_export(request, slug, year, number, fmt):
    version = _version(slug, year, int(number))
    filename = f"{slug}-{year}-v{version.number}"
    stored = pdf_name(version)
    if fmt == "pdf" and default_storage.exists(stored):
        # Drawn once when it was published (reports/jobs.py), from any node's storage.
        return FileResponse(
            default_storage.open(stored), content_type="application/pdf", filename=f"{filename}.pdf"
        )
    return export_response(version.data, fmt, filename, version=version)


def data_package(request, slug, year, number):
    """The version's open data described as a Frictionless Data Package."""
    version = _version(slug, year, number)
    return JsonResponse(
        opendata.data_package(request, version), json_dumps_params={"ensure_ascii": False}
    )


def dcat_catalogue(request, organisation_pk):
    """An organisation's published reports as a DCAT-AP-SE catalogue in RDF/XML, the format
    Sweden's data portal harvests; the newest version of each report."""
    organisation = get_object_or_404(Organisation, pk=organisation_pk)
    newest = {}
    versions = (
        ReportVersion.objects.filter(report__organisation=organisation)
        .select_related("report")
        .defer("data")
        .order_by("report_id", "-number")
    )
    for version in versions:
        newest.setdefault(version.report_id, version)
    if not newest:
        raise Http404  # an organisation that has published nothing has no catalogue
    context = opendata.catalogue(request, organisation, list(newest.values()))
    return render(
        request, "reports/dcat.rdf", context, content_type="application/rdf+xml; charset=utf-8"
    )
