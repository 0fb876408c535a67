from django.urls import path

from .views import history, jobs, pages

app_name = "core"

urlpatterns = [
    path("", pages.home, name="home"),
    path("start/", pages.start, name="start"),
    path("accessibility/", pages.accessibility, name="accessibility"),
    path("jobs/<int:pk>/", jobs.job_status, name="job_status"),
    path("history/<str:model_label>/<int:pk>/", history.object_history, name="history"),
]
