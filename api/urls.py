from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView

from . import views

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("cases/", views.CaseList.as_view(), name="case_list"),
    path("cases/<int:pk>/", views.CaseDetail.as_view(), name="case_detail"),
    path("cases/<int:pk>/assessment/", views.AssessmentDetail.as_view(), name="assessment"),
    path("cases/<int:pk>/assessment.pdf", views.AssessmentPdf.as_view(), name="assessment_pdf"),
    path("cases/<int:pk>/assessment.docx", views.AssessmentDocx.as_view(), name="assessment_docx"),
    path("cases/external/<str:external_id>/", views.CaseUpsert.as_view(), name="case_upsert"),
    # Anything else under /api/v1/ answers in JSON too, not with the HTML 404 page.
    re_path(r"^", views.NotFoundView.as_view(), name="not_found"),
]
