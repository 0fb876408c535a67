from django.urls import path

from .views import jobs

app_name = "core"

urlpatterns = [
    path("jobs/<int:pk>/", jobs.job_status, name="job_status"),
]
