from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from . import views

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("cases/", views.CaseList.as_view(), name="case_list"),
    path("cases/<int:pk>/", views.CaseDetail.as_view(), name="case_detail"),
    path("cases/<int:pk>/assessment/", views.AssessmentDetail.as_view(), name="assessment"),
    path("cases/external/<str:external_id>/", views.CaseUpsert.as_view(), name="case_upsert"),
]
