"""Trainings, headcounts and a coverage target for Karlskoga, for the demo. The topics are
written for the demo; nobody real is named. Running it twice changes nothing."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction

from organisations.models import Body, Organisation

from . import services
from .models import TrainingSession

YEAR = 2026
# topic, date, format, target group, {body: participants}, attendees (usernames)
SESSIONS = [
    (
        "Barnkonventionen som lag – introduktion för förtroendevalda",
        datetime.date(2026, 2, 9),
        TrainingSession.Format.IN_PERSON,
        "elected",
        {"Kommunstyrelsen": 9, "Socialnämnden": 7, "Barn- och utbildningsnämnden": 8},
        [],
    ),
    (
        "Prövning av barnets bästa i ärenden",
        datetime.date(2026, 3, 17),
        TrainingSession.Format.WORKSHOP,
        "staff",
        {"Socialnämnden": 14, "Barn- och utbildningsnämnden": 11},
        ["handlaggare", "beslutsfattare"],
    ),
    (
        "Barnrättsperspektivet för chefer",
        datetime.date(2026, 4, 22),
        TrainingSession.Format.DIGITAL,
        "managers",
        {"Kultur- och fritidsnämnden": 6, "Teknik- och fastighetsnämnden": 4},
        [],
    ),
    (
        "Barns delaktighet – webbkurs",
        datetime.date(2025, 10, 1),
        TrainingSession.Format.E_LEARNING,
        "staff",
        {"Kultur- och fritidsnämnden": 23},
        ["dialogledare"],
    ),
]
# body -> (elected members, managers, staff)
HEADCOUNTS = {
    "Kommunstyrelsen": (13, 4, 60),
    "Socialnämnden": (11, 8, 420),
    "Barn- och utbildningsnämnden": (11, 35, 1100),
    "Kultur- och fritidsnämnden": (9, 6, 95),
    "Teknik- och fastighetsnämnden": (9, 7, 180),
}
TARGET = 80


@transaction.atomic
def load_demo():
    karlskoga = Organisation.objects.filter(scb_code="1883").first()
    coordinator = get_user_model().objects.filter(username="samordnare").first()
    if karlskoga is None or coordinator is None:
        return
    bodies = {body.name: body for body in services.bodies_for(karlskoga)}
    users = {user.username: user for user in get_user_model().objects.all()}
    for topic, held_on, fmt, group, counts, attendees in SESSIONS:
        if TrainingSession.objects.filter(organisation=karlskoga, topic=topic).exists():
            continue
        services.create_session(
            karlskoga,
            by=coordinator,
            topic=topic,
            held_on=held_on,
            format=fmt,
            target_group=group,
            body_counts={bodies[name]: n for name, n in counts.items() if name in bodies},
            attendees=[users[name] for name in attendees if name in users],
        )
    counts = {}
    for name, numbers in HEADCOUNTS.items():
        body = bodies.get(name) or Body.objects.filter(name=name).first()
        if body is None:
            continue
        for group, number in zip(("elected", "managers", "staff"), numbers, strict=True):
            counts[(body, group)] = number
    services.set_headcounts(karlskoga, YEAR, by=coordinator, counts=counts)
    services.set_target(karlskoga, YEAR, TARGET, by=coordinator)
