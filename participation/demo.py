"""Demo consultations in Karlskoga (with `load_demo`): one open with every kind of question,
one closed whose case is decided and that waits for feedback, and one answered.

The answers are made up, as a class might give them; they name no one.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from assessments.models import Case
from organisations.models import Body, Organisation

from . import services
from .models import Consultation, Question

PARK = "Hur vill du att parken vid skolan ska se ut?"
YOUTH_CENTRE = "Vad vill du göra på fritidsgården?"
PLAYGROUND = "Vår skolgård"

PARK_QUESTIONS = [
    (Question.Kind.SCALE, "Hur tycker du att parken är i dag?", []),
    (
        Question.Kind.MULTIPLE,
        "Vad vill du göra i parken?",
        ["Leka", "Spela boll", "Träffa kompisar", "Sitta och vila", "Klättra"],
    ),
    (Question.Kind.RANKING, "Vad är viktigast?", ["Belysning", "Fler bänkar", "Nya gungor"]),
    (Question.Kind.SINGLE, "Känner du dig trygg i parken på kvällen?", ["Ja", "Nej", "Vet inte"]),
    (Question.Kind.TEXT, "Vad mer vill du säga till dem som bestämmer?", []),
]
PARK_TEXTS = [
    "Det behövs mer lampor, det är mörkt på vintern.",
    "Fler gungor! Det blir kö.",
    "En plats att sitta under tak när det regnar.",
    "",
]


@transaction.atomic
def load_demo():
    karlskoga = Organisation.objects.filter(scb_code="1883").first()
    leader = get_user_model().objects.filter(username="dialogledare").first()
    if karlskoga is None or leader is None:
        return
    culture = Body.objects.filter(organisation=karlskoga, name="Kultur- och fritidsnämnden").first()
    cases = {c.case_number: c for c in Case.objects.filter(organisation=karlskoga)}
    _park(karlskoga, culture, cases.get("KFN 2026/12"), leader)
    _youth_centre(karlskoga, culture, cases.get("KFN 2026/7"), leader)
    _playground(karlskoga, leader)


def _consultation(karlskoga, leader, title, **fields):
    if Consultation.objects.filter(organisation=karlskoga, title=title).exists():
        return None
    today = timezone.localdate()
    defaults = {
        "age_bands": ["6-12", "13-17"],
        "channels": ["online", "school_class"],
        "opens_on": today - datetime.timedelta(days=14),
        "closes_on": today + datetime.timedelta(days=14),
    }
    return services.create_consultation(karlskoga, by=leader, title=title, **defaults | fields)


def _answers(consultation, count, seed, texts=PARK_TEXTS):
    rng = random.Random(seed)
    # Its own generator, so that the answers stay as they were before schools were asked.
    places = random.Random(seed + 100)
    areas = [*consultation.area_list(), ""]
    questions = list(consultation.questions.all())
    for n in range(count):
        answers = {question.pk: _made_up(question, rng, texts) for question in questions}
        services.submit_response(
            consultation,
            submission_key=f"demo-{seed}-{n}",
            age_band=rng.choice(consultation.age_bands),
            area=places.choice(areas) if len(areas) > 1 else "",
            answers=answers,
        )


def _made_up(question, rng, texts):
    options = range(len(question.options))
    if question.kind == Question.Kind.SCALE:
        return rng.randint(2, 5)
    if question.kind == Question.Kind.SINGLE:
        return rng.choice(options)
    if question.kind == Question.Kind.MULTIPLE:
        return sorted(rng.sample(options, rng.randint(1, 3)))
    if question.kind == Question.Kind.RANKING:
        return rng.sample(options, len(options))
    return rng.choice(texts)


def _park(karlskoga, body, case, leader):
    consultation = _consultation(
        karlskoga,
        leader,
        PARK,
        body=body,
        introduction=(
            "Parken vid skolan ska göras om. Vi vill veta vad du tycker. "
            "Det tar fem minuter att svara."
        ),
        target_group="Elever på Bregårdsskolan och Karlbergsskolan",
        areas="Bregårdsskolan\nKarlbergsskolan\nAnnan skola i Karlskoga",
        offered_in_english=True,
        title_en="What should the park by the school look like?",
        introduction_en="The park by the school will be rebuilt. Tell us what you think.",
        cases=[case] if case else [],
    )
    if consultation is None:
        return
    for kind, text, options in PARK_QUESTIONS:
        services.add_question(consultation, by=leader, kind=kind, text=text, options=options)
    services.open_consultation(consultation, by=leader)
    _answers(consultation, 14, seed=1)
    services.record_offline_voice(
        consultation,
        by=leader,
        held_on=timezone.localdate() - datetime.timedelta(days=3),
        channel="school_class",
        children_count=24,
        age_bands=["6-12"],
        how_collected="Samtal i klass 4B med lappar på tavlan.",
        points="Mer ljus vid gångvägen\nEn klätterställning\nBänkar nära lekplatsen",
    )


def _youth_centre(karlskoga, body, case, leader):
    consultation = _consultation(
        karlskoga,
        leader,
        YOUTH_CENTRE,
        body=body,
        age_bands=["13-17"],
        introduction="Fritidsgården kan ha öppet fler dagar. Vad vill du göra där?",
        opens_on=timezone.localdate() - datetime.timedelta(days=120),
        closes_on=timezone.localdate() - datetime.timedelta(days=90),
        cases=[case] if case else [],
    )
    if consultation is None:
        return
    services.add_question(
        consultation,
        by=leader,
        kind=Question.Kind.MULTIPLE,
        text="Vilka dagar vill du gå till fritidsgården?",
        options=["Måndag–torsdag", "Fredag", "Lördag", "Söndag"],
    )
    services.open_consultation(consultation, by=leader)
    _answers(consultation, 9, seed=2)
    services.close_consultation(consultation, by=leader)


def _playground(karlskoga, leader):
    consultation = _consultation(
        karlskoga,
        leader,
        PLAYGROUND,
        age_bands=["6-12"],
        introduction="Vad är roligast på skolgården, och vad saknar du?",
        opens_on=timezone.localdate() - datetime.timedelta(days=200),
        closes_on=timezone.localdate() - datetime.timedelta(days=170),
    )
    if consultation is None:
        return
    services.add_question(
        consultation,
        by=leader,
        kind=Question.Kind.SINGLE,
        text="Vad vill du ha mer av på skolgården?",
        options=["Gungor", "Bollplan", "Plats att vara i lugn och ro"],
    )
    services.open_consultation(consultation, by=leader)
    _answers(consultation, 11, seed=3)
    services.close_consultation(consultation, by=leader)
    services.save_feedback(
        consultation,
        by=leader,
        what_was_decided="Skolgården får två nya gungor och en lugn hörna med bänkar.",
        how_views_counted="Många av er ville ha gungor. Det var det vanligaste svaret.",
        why="Gungorna var det ni ville ha mest. Den lugna hörnan är för dem som vill vila.",
    )
    services.publish_feedback(consultation, by=leader)
