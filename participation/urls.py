from django.urls import path, re_path

from .views import (
    children,
    codes,
    consultations,
    feedback,
    heard,
    moderation,
    questions,
    results,
    settings,
)

app_name = "participation"

urlpatterns = [
    # The children's pages: no account needed.
    path("delta/", children.child_start, name="child_start"),
    path("b/<str:code>/", children.child_page, name="child_page"),
    path("b/<str:code>/en/", children.child_page, {"english": True}, name="child_page_en"),
    path("b/<str:code>/tack/", children.child_thanks, name="child_thanks"),
    # Staff.
    path("consultations/", consultations.consultation_list, name="consultation_list"),
    path(
        "organisations/<int:organisation_pk>/consultations/new/",
        consultations.consultation_create,
        name="consultation_create",
    ),
    path(
        "organisations/<int:organisation_pk>/consultation-settings/",
        settings.participation_settings,
        name="settings",
    ),
    path(
        "organisations/<int:organisation_pk>/who-was-heard/",
        heard.who_was_heard,
        name="who_was_heard",
    ),
    path("consultations/<int:pk>/", consultations.consultation_detail, name="consultation_detail"),
    path("consultations/<int:pk>/edit/", consultations.consultation_edit, name="consultation_edit"),
    re_path(
        r"^consultations/(?P<pk>[0-9]+)/(?P<action>open|close)/$",
        consultations.consultation_status,
        name="consultation_status",
    ),
    path("consultations/<int:pk>/questions/new/", questions.question_add, name="question_add"),
    path("questions/<int:pk>/edit/", questions.question_edit, name="question_edit"),
    path("questions/<int:pk>/delete/", questions.question_delete, name="question_delete"),
    path("questions/<int:pk>/move/", questions.question_move, name="question_move"),
    re_path(r"^consultations/(?P<pk>[0-9]+)/qr\.(?P<fmt>png|svg)$", codes.qr_code, name="qr"),
    path("consultations/<int:pk>/poster.pdf", codes.poster, name="poster"),
    path("consultations/<int:pk>/class-codes/", codes.class_codes, name="class_codes"),
    path("consultations/<int:pk>/voices/new/", feedback.voice_add, name="voice_add"),
    path("voices/<int:pk>/delete/", feedback.voice_delete, name="voice_delete"),
    path("consultations/<int:pk>/feedback/", feedback.feedback_edit, name="feedback_edit"),
    path("consultations/<int:pk>/results/", results.results, name="results"),
    re_path(
        r"^consultations/(?P<pk>[0-9]+)/results\.(?P<fmt>csv|xlsx|pdf)$",
        results.results_export,
        name="results_export",
    ),
    path("consultations/<int:pk>/moderation/", moderation.moderation, name="moderation"),
    path("answers/<int:pk>/moderate/", moderation.moderate, name="moderate"),
    path(
        "consultations/<int:pk>/moderation/release-flood/",
        moderation.release_flood,
        name="release_flood",
    ),
]
