from django.urls import path, re_path

from . import public, views

app_name = "reports"

urlpatterns = [
    path("reports/", views.report_list, name="report_list"),
    path(
        "organisations/<int:organisation_pk>/reports/new/",
        views.report_create,
        name="report_create",
    ),
    path("reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("reports/<int:pk>/edit/", views.report_edit, name="report_edit"),
    re_path(
        r"^reports/(?P<pk>[0-9]+)/(?P<action>send|approve|publish|reopen)/$",
        views.report_transition,
        name="report_transition",
    ),
    re_path(
        r"^reports/(?P<pk>[0-9]+)/preview\.(?P<fmt>pdf|docx|json|csv|xlsx)$",
        views.report_preview_export,
        name="report_preview_export",
    ),
    # Public, no login: published versions only, at addresses that stay.
    path("rapporter/", public.report_index, name="public_index"),
    path("rapporter/<slug:slug>/<int:year>/", public.latest_version, name="public_report"),
    path(
        "rapporter/<slug:slug>/<int:year>/v<int:number>/",
        public.version_page,
        name="public_version",
    ),
    path(
        "rapporter/<slug:slug>/<int:year>/v<int:number>/datapackage.json",
        public.data_package,
        name="data_package",
    ),
    path("rapporter/dcat/<int:organisation_pk>.rdf", public.dcat_catalogue, name="dcat_catalogue"),
    re_path(
        r"^rapporter/(?P<slug>[-a-zA-Z0-9_]+)/(?P<year>[0-9]{4})/v(?P<number>[0-9]+)\."
        r"(?P<fmt>pdf|pdfa|docx|json|csv|xlsx)$",
        public.version_export,
        name="public_export",
    ),
]
