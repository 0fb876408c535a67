"""The results page's cache: a second view reads the stamp and not the answers again, and
whatever changes what the results show — an answer, a removed response, moderation, a view from
a meeting — shows at once."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from participation import services
from participation.models import Answer, Response
from tests.participation.conftest import answer


def page(client, consultation) -> str:
    return client.get(reverse("participation:results", args=[consultation.pk])).content.decode()


def queries(client, consultation) -> int:
    with CaptureQueriesContext(connection) as captured:
        page(client, consultation)
    return len(captured)


def test_the_second_view_reads_the_results_from_the_cache(coordinator_client, park):
    answer(park, 1, single=0)
    first = queries(coordinator_client, park)
    # The questions, answers, groups and views from meetings are not read again.
    assert queries(coordinator_client, park) <= first - 3


def test_a_new_and_a_removed_response_show_at_once(coordinator_client, park):
    answer(park, 1, text="Fler gungor")
    assert "Fler gungor" in page(coordinator_client, park)
    answer(park, 2, text="Mer ljus i parken")
    assert "Mer ljus i parken" in page(coordinator_client, park)
    Response.objects.filter(submission_key="key-2").delete()  # as retention removes them
    assert "Mer ljus i parken" not in page(coordinator_client, park)


def test_moderation_shows_at_once(client, park, coordinator, case_officer):
    answer(park, 1, text="Skriv till nova@example.org")
    flagged = Answer.objects.get(moderation=Answer.Moderation.PENDING)
    client.force_login(case_officer)  # a reader sees only texts shown to others
    assert flagged.masked_text not in page(client, park)
    services.moderate(flagged, by=coordinator, approve=True)
    assert flagged.masked_text in page(client, park)


def test_a_view_from_a_meeting_shows_at_once(coordinator_client, park, coordinator):
    answer(park, 1, single=0)
    assert "Skolbesök i klass 4B" not in page(coordinator_client, park)
    voice = services.record_offline_voice(
        park,
        by=coordinator,
        channel="school_class",
        held_on=datetime.date(2026, 3, 1),
        children_count=24,
        age_bands=["6-12"],
        points="Skolbesök i klass 4B",
    )
    assert "Skolbesök i klass 4B" in page(coordinator_client, park)
    services.delete_offline_voice(voice, by=coordinator)
    assert "Skolbesök i klass 4B" not in page(coordinator_client, park)
