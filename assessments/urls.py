from django.urls import path, re_path

from .views import assessment, attachments, cases, decisions, templates

app_name = "assessments"

urlpatterns = [
    path("cases/", cases.case_list, name="case_list"),
    re_path(r"^cases/export\.(?P<fmt>csv|xlsx)$", cases.case_list_export, name="case_list_export"),
    path("organisations/<int:organisation_pk>/cases/new/", cases.case_create, name="case_create"),
    path("cases/<int:pk>/", cases.case_detail, name="case_detail"),
    path("cases/<int:pk>/edit/", cases.case_edit, name="case_edit"),
    path("cases/<int:pk>/assessment/start/", assessment.assessment_start, name="assessment_start"),
    path("cases/<int:pk>/assessment/", assessment.assessment_edit, name="assessment_edit"),
    path("cases/<int:pk>/assessment/print/", assessment.assessment_print, name="assessment_print"),
    path("cases/<int:pk>/assessment/autosave/", assessment.autosave, name="autosave"),
    re_path(
        r"^cases/(?P<pk>[0-9]+)/assessment\.(?P<fmt>pdf|docx)$",
        assessment.assessment_download,
        name="assessment_download",
    ),
    path(
        "cases/<int:pk>/assessment/summary/",
        assessment.regenerate_summary,
        name="regenerate_summary",
    ),
    path("cases/<int:pk>/attachments/new/", attachments.attachment_add, name="attachment_add"),
    path("attachments/<int:pk>/", attachments.attachment_download, name="attachment_download"),
    path("attachments/<int:pk>/delete/", attachments.attachment_delete, name="attachment_delete"),
    path("cases/<int:pk>/review/", decisions.review, name="review"),
    path("cases/<int:pk>/decision/", decisions.decide, name="decide"),
    path("cases/<int:pk>/follow-up/", decisions.follow_up, name="follow_up"),
    path("templates/", templates.template_list, name="template_list"),
    path("templates/<int:pk>/", templates.template_detail, name="template_detail"),
    path("templates/<int:pk>/copy/", templates.template_copy, name="template_copy"),
    path("templates/<int:pk>/new-draft/", templates.template_new_draft, name="template_new_draft"),
    path("template-versions/<int:pk>/", templates.version_edit, name="version_edit"),
    path(
        "template-versions/<int:pk>/questions/<slug:key>/",
        templates.question_edit,
        name="question_edit",
    ),
]
