"""Consultations name the plan activities the children's views serve; each side shows the other."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from participation import services as participation
from participation.models import Consultation
from planning import services


def test_a_consultation_links_an_activity_of_its_organisation(
    coordinator, coordinator_client, karlskoga, activity
):
    response = coordinator_client.post(
        reverse("participation:consultation_create", args=[karlskoga.pk]),
        {
            "title": "Fritid i centrum",
            "introduction": "Vad vill du göra på fritiden?",
            "age_bands": ["13-17"],
            "channels": ["online"],
            "activities": [activity.pk],
        },
    )
    assert response.status_code == 302
    consultation = Consultation.objects.get(title="Fritid i centrum")
    assert list(consultation.activities.all()) == [activity]
    page = coordinator_client.get(consultation.get_absolute_url()).content.decode()
    assert activity.title in page
    activity_page = coordinator_client.get(activity.get_absolute_url()).content.decode()
    assert "Fritid i centrum" in activity_page


def test_activities_of_another_organisation_cannot_be_linked(
    coordinator, karlskoga, degerfors, outsider
):
    plan = services.create_plan(
        degerfors, by=outsider, title="Degerfors plan", start_year=2026, end_year=2028
    )
    area = services.add_area(plan, by=outsider, title="Område")
    goal = services.add_goal(area, by=outsider, title="Mål")
    other = services.add_activity(
        goal,
        by=outsider,
        title="Annan aktivitet",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 6, 30),
    )
    with pytest.raises(ValidationError):
        participation.create_consultation(
            karlskoga, by=coordinator, title="X", introduction="x", activities=[other]
        )


def test_the_form_offers_only_the_organisations_activities(coordinator_client, karlskoga, activity):
    page = coordinator_client.get(
        reverse("participation:consultation_create", args=[karlskoga.pk])
    ).content.decode()
    assert activity.title in page
