"""Dialogue leaders set up consultations, print the poster, record views from meetings and write
the feedback; the start page asks for feedback once a linked case is decided."""

import subprocess

import pytest
from django.urls import reverse

from participation import services
from participation.models import Consultation, Feedback, OfflineVoice, Question
from tests.pdf_checks import assert_tagged_pdf


@pytest.fixture
def leader_client(client, dialogue_leader_user):
    client.force_login(dialogue_leader_user)
    return client


def test_create_a_consultation_linked_to_a_case(leader_client, karlskoga, case):
    response = leader_client.post(
        reverse("participation:consultation_create", args=[karlskoga.pk]),
        {
            "title": "Parklek",
            "introduction": "Vad vill du ha i parken?",
            "age_bands": ["6-12"],
            "channels": ["online", "meeting"],
            "case_numbers": case.case_number.lower(),
        },
    )
    consultation = Consultation.objects.get(title="Parklek")
    assert response.status_code == 302
    assert list(consultation.cases.all()) == [case]
    assert consultation.status == Consultation.Status.DRAFT
    assert len(consultation.code) == 6


def test_an_unknown_case_number_is_refused(leader_client, karlskoga):
    response = leader_client.post(
        reverse("participation:consultation_create", args=[karlskoga.pk]),
        {
            "title": "X",
            "introduction": "x",
            "age_bands": ["6-12"],
            "channels": ["online"],
            "case_numbers": "SN 9999/1",
        },
    )
    assert "Det finns inget ärende med nummer SN 9999/1" in response.content.decode()


def test_add_questions_with_options_and_open(leader_client, draft):
    url = reverse("participation:question_add", args=[draft.pk])
    response = leader_client.post(
        url, {"kind": "single", "text": "Vilken färg?", "options_text": "Röd\n\nBlå\n"}
    )
    assert response.status_code == 302
    question = draft.questions.get(text="Vilken färg?")
    assert question.options == ["Röd", "Blå"]
    refused = leader_client.post(
        url, {"kind": "multiple", "text": "Bara ett?", "options_text": "A"}
    )
    assert "Ett val med bara ett alternativ frågar ingenting" in refused.content.decode()
    leader_client.post(reverse("participation:consultation_status", args=[draft.pk, "open"]))
    draft.refresh_from_db()
    assert draft.status == Consultation.Status.OPEN


def test_the_page_shows_readability_and_warns_when_too_hard(leader_client, draft):
    services.add_question(
        draft,
        by=None,
        kind=Question.Kind.TEXT,
        text=(
            "Beskriv kommunfullmäktiges budgetprioriteringar avseende infrastrukturinvesteringar "
            "och deras konsekvenser för kommuninvånarnas levnadsförhållanden."
        ),
    )
    html = leader_client.get(draft.get_absolute_url()).content.decode()
    assert "LIX" in html
    assert "för svår för åldersgruppen" in html


def test_poster_is_a_real_a4_pdf_with_the_code(leader_client, consultation, tmp_path):
    response = leader_client.get(reverse("participation:poster", args=[consultation.pk]))
    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "poster.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    # The code is printed letter-spaced; pdftotext may split it ("2 J FA C 8").
    assert consultation.code in text.replace(" ", "") and "Parken vid skolan" in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "595.276 x 841.89" in info  # A4 in points
    assert "/Figure" in assert_tagged_pdf(response.content, tmp_path)  # the QR code


def test_qr_codes_open_the_childrens_page(leader_client, consultation):
    import segno  # noqa: F401  (the library that drew it)

    png = leader_client.get(reverse("participation:qr", args=[consultation.pk, "png"]))
    svg = leader_client.get(reverse("participation:qr", args=[consultation.pk, "svg"]))
    assert png.content.startswith(b"\x89PNG")
    assert svg.content.startswith(b"<svg") and b'role="img"' in svg.content


def test_record_and_remove_views_from_a_meeting(leader_client, consultation):
    leader_client.post(
        reverse("participation:voice_add", args=[consultation.pk]),
        {
            "held_on": "2026-11-20",
            "channel": "school_class",
            "children_count": 24,
            "age_bands": ["6-12"],
            "points": "Mer ljus\n- Gungor",
        },
    )
    voice = OfflineVoice.objects.get()
    assert voice.point_list() == ["Mer ljus", "Gungor"]
    assert "24 barn" in leader_client.get(consultation.get_absolute_url()).content.decode()
    leader_client.post(reverse("participation:voice_delete", args=[voice.pk]))
    assert not OfflineVoice.objects.exists()


def test_feedback_is_asked_for_when_the_case_is_decided(
    leader_client, consultation, decided_case, dialogue_leader_user
):
    start = reverse("home:start")
    assert "Berätta för barnen" not in leader_client.get(start).content.decode()
    services.update_consultation(consultation, by=None, cases=[decided_case])
    html = leader_client.get(start).content.decode()
    assert "Berätta för barnen vad som hände: Parken vid skolan" in html
    leader_client.post(
        reverse("participation:feedback_edit", args=[consultation.pk]),
        {
            "what_was_decided": "Lampor.",
            "how_views_counted": "Ni ville ha ljus.",
            "why": "Trygghet.",
            "publish": "1",
        },
    )
    assert Feedback.objects.get().is_published
    assert "Berätta för barnen" not in leader_client.get(start).content.decode()


def test_a_case_officer_may_read_but_not_change(client, case_officer, consultation):
    client.force_login(case_officer)
    assert client.get(consultation.get_absolute_url()).status_code == 200
    assert (
        client.get(reverse("participation:feedback_edit", args=[consultation.pk])).status_code
        == 403
    )
    response = client.post(
        reverse("participation:consultation_status", args=[consultation.pk, "close"])
    )
    assert response.status_code == 403


def test_an_outsider_gets_404(outsider_client, consultation):
    for url in [
        consultation.get_absolute_url(),
        reverse("participation:poster", args=[consultation.pk]),
        reverse("participation:question_edit", args=[consultation.questions.first().pk]),
    ]:
        assert outsider_client.get(url).status_code == 404


def test_settings_are_for_managers(coordinator_client, karlskoga):
    url = reverse("participation:settings", args=[karlskoga.pk])
    coordinator_client.post(url, {"retention_months": 36, "screened_names": "Lisa"})
    assert services.participation_settings(karlskoga).retention_months == 36


def test_consultation_list_queries_do_not_grow(
    leader_client, karlskoga, dialogue_leader_user, django_assert_max_num_queries
):
    def make(n):
        for i in range(n):
            services.create_consultation(
                karlskoga, by=dialogue_leader_user, title=f"Dialog {i}", introduction="x"
            )

    make(2)
    url = reverse("participation:consultation_list")
    with django_assert_max_num_queries(12) as few:
        leader_client.get(url)
    make(30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert leader_client.get(url).status_code == 200


def test_the_decisions_weighing_of_the_childrens_views_seeds_the_feedback_draft(
    leader_client, consultation, decided_case
):
    """Issue 22: the decision records how the children's views were weighed; that text, the
    outcome and the reasons are the first draft of "Det här hände", never published as is."""
    decision = decided_case.decision
    decision.childrens_views_weighed = "Barnen ville ha ljus; lamporna sätts upp vid gången."
    decision.reasons = "Pengarna räcker inte till en ny lekplats i år."
    decision.save()
    services.update_consultation(consultation, by=None, cases=[decided_case])
    url = reverse("participation:feedback_edit", args=[consultation.pk])
    response = leader_client.get(url)
    form = response.context["form"]
    assert form["what_was_decided"].value() == "Bifall"
    assert form["how_views_counted"].value() == decision.childrens_views_weighed
    assert form["why"].value() == decision.reasons
    assert "ett första utkast" in response.content.decode()
    assert not Feedback.objects.exists()
