from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    # First: the children's pages take the most requests (a whole municipality's schools may
    # answer in the same lesson), and patterns are tried in order.
    path("", include("participation.urls")),
    path("", include("home.urls")),
    path("", include("core.urls")),
    path("", include("organisations.urls")),
    path("", include("convention.urls")),
    path("", include("publichealth.urls")),
    path("", include("agreements.urls")),
    path("", include("assessments.urls")),
    path("", include("youthforum.urls")),
    path("", include("planning.urls")),
    path("", include("training.urls")),
    path("", include("childbudget.urls")),
    path("", include("reports.urls")),
    path("", include("operations.urls")),
    path("", include("archive.urls")),
    path("", include("indicators.urls")),
    path("", include("knowledge.urls")),
    path("", include("networks.urls")),
    path("", include("peerreview.urls")),
    path("accounts/", include("accounts.urls")),
    path("api/v1/", include("api.urls")),
    path("", include("api.page_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

if settings.BENCHMARK:
    from core.bench import bare_view

    urlpatterns.append(path("bench/bare/", bare_view, name="bench_bare"))

handler400 = "core.views.errors.bad_request"
handler403 = "core.views.errors.permission_denied"
handler404 = "core.views.errors.page_not_found"
handler500 = "core.views.errors.server_error"
