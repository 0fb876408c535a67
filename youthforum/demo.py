"""Karlskoga's youth forum for the demo: pseudonymous members, two meetings, a matter and a
proposal to a committee with its answer. Running it twice changes nothing."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from organisations.models import Body, Organisation

from . import services
from .models import Forum

FORUM_NAME = "Ungdomsforum Karlskoga"

# Pseudonyms the members chose; nobody real. One member agreed to be contacted (a demo address).
# Twelve, as many as the minutes say were present (issue 21: four members and twelve present
# contradicted each other). Seed 000 names the forum, not its size: the number is invented.
MEMBERS = [
    ("Fjäril", "13-17", {}),
    ("Nova", "13-17", {"contact_consent": True, "email": "nova@example.org"}),
    ("Storm", "18-25", {}),
    ("Kometen", "13-17", {}),
    ("Lodjur", "13-17", {}),
    ("Ekorre", "13-17", {}),
    ("Polstjärna", "18-25", {}),
    ("Blåbär", "13-17", {}),
    ("Vintergatan", "13-17", {}),
    ("Räv", "18-25", {}),
    ("Måne", "13-17", {}),
    ("Tranan", "13-17", {}),
]

AGENDA = "<p>1. Välkomna</p><p>2. Skateparken</p><p>3. Fritidsgårdens öppettider</p>"
MINUTES = (
    "<p>Tolv medlemmar var med. Forumet vill ha bättre belysning och fler sittplatser vid "
    "skateparken och skriver ett förslag till kultur- och fritidsnämnden.</p>"
)


@transaction.atomic
def load_demo():
    karlskoga = Organisation.objects.filter(scb_code="1883").first()
    users = {
        u.username: u
        for u in get_user_model().objects.filter(username__in=["dialogledare", "beslutsfattare"])
    }
    if karlskoga is None or len(users) < 2:
        return
    if Forum.objects.filter(organisation=karlskoga, name=FORUM_NAME).exists():
        return
    leader, decider = users["dialogledare"], users["beslutsfattare"]
    culture = Body.objects.get(organisation=karlskoga, name="Kultur- och fritidsnämnden")
    today = timezone.localdate()
    forum = services.create_forum(
        karlskoga,
        by=leader,
        name=FORUM_NAME,
        body=culture,
        description="Unga mellan 13 och 25 år som vill påverka i Karlskoga. (Demo: forumet "
        "finns enligt källan; medlemmarna, mötena och förslaget är påhittade.)",
    )
    for pseudonym, age_band, contact in MEMBERS:
        services.add_member(
            forum,
            by=leader,
            pseudonym=pseudonym,
            age_band=age_band,
            joined_on=today - datetime.timedelta(days=200),
            **contact,
        )
    held = services.create_meeting(
        forum,
        by=leader,
        held_on=today - datetime.timedelta(days=60),
        place="Fritidsgården Kulan",
        agenda=AGENDA,
        minutes=MINUTES,
        attendance=12,
    )
    # The latest meeting has no minutes yet: it waits on the dialogue leader's start page.
    services.create_meeting(
        forum,
        by=leader,
        held_on=today - datetime.timedelta(days=7),
        place="Stadsbiblioteket",
        agenda="<p>1. Svar från nämnden</p><p>2. Sommarlovsaktiviteter</p>",
    )
    matter = services.raise_matter(
        forum,
        by=leader,
        title="Trygg och upplyst skatepark",
        description="Det är mörkt och det finns inga sittplatser vid skateparken.",
        raised_at=held,
    )
    proposal = services.send_proposal(
        forum,
        by=leader,
        committee=culture,
        matter=matter,
        title="Belysning och sittplatser vid skateparken",
        text="Ungdomsforum föreslår att nämnden sätter upp belysning och bänkar vid skateparken.",
        sent_on=today - datetime.timedelta(days=55),
    )
    services.record_answer(
        proposal,
        by=decider,
        outcome="partly_accepted",
        answer="Nämnden sätter upp belysning i höst. Bänkar prövas i budgeten för nästa år.",
        answered_on=today - datetime.timedelta(days=20),
    )
