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
    path("reports/<int:pk>/sections/new/", views.own_section_create, name="own_section_create"),
    path("reports/sections/<int:pk>/edit/", views.own_section_edit, name="own_section_edit"),
    path("reports/sections/<int:pk>/delete/", views.own_section_delete, name="own_section_delete"),
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
    # Before the report's own address, whose slug would otherwise take "for-barn".
    path(
        "rapporter/for-barn/<int:organisation>/",
        public.child_version_for,
        name="public_child_version_for",
    ),
    path("rapporter/<slug:slug>/<int:year>/", public.latest_version, name="public_report"),
    path(
        "rapporter/<slug:slug>/<int:year>/for-barn/",
        public.child_version,
        name="public_child_version",
    ),
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
