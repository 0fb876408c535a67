"""The shape of the synthetic consultations with children and their answers. Pure data and
functions; `bench.participation_writer` writes them (its generator `participation` runs last
in `bench.dataset.GENERATORS`).

About a million children's responses a year nationally (scale 1.0), the design's figure. Every
organisation runs CONSULTATIONS_PER_ORGANISATION consultations with the same five kinds of
question; each gets a number of responses drawn from a random generator seeded with the
organisation's SCB code, so the bench organisation's consultations are identical at every
scale and the total grows with the number of organisations (about 100 000 at 0.1).

The bench organisation also gets one fixed, open consultation (FIXED_TITLE, code FIXED_CODE)
with exactly FIXED_RESPONSES responses and every kind of question, some of its free texts
flagged by the screening. Its children's page (/b/<code>/) and its results page are measured,
and the load test answers it.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

NATIONAL_RESPONSES = 1_000_000  # a year, the design's figure
CONSULTATIONS_PER_ORGANISATION = 6
# Responses per bulk consultation, uniform: mean 535, so 311 organisations x 6 give about 1.0 M.
RESPONSES_PER_CONSULTATION = (50, 1_020)
RESPONSE_CHUNK = 20_000  # responses written (with their answers) per round
SEED = "barnratt-bench-participation"
# Generated submission keys start with this; the load test's come from the server.
KEY_PREFIX = "bench-"

FIXED_TITLE = "Hur vill du att skolgården vid Ekbackens skola ska bli?"
FIXED_CODE = "BENCHK"  # in consultations.CODE_ALPHABET, never drawn for the others
FIXED_RESPONSES = 200
FIXED_BODY = "Barn- och utbildningsnämnden"
SCREENED_NAMES = "Fröken Benchsson\nVaktmästare Benchberg"

TITLES = [
    "Hur vill du att parken i {place} ska se ut?",
    "Vad vill du göra på fritidsgården i {place}?",
    "Hur känns det att gå till skolan i {place}?",
    "Vad ska biblioteket i {place} ha mer av?",
    "Hur vill du ta dig till skolan i {place}?",
    "Vad tycker du om lekplatsen i {place}?",
]
PLACES = ["Ekbacken", "Tallåsen", "Björkdalen", "Sjöstaden", "Granhöjden", "Lindvallen"]
INTRODUCTION = (
    "Kommunen ska bestämma om det här. Vi vill veta vad du tycker innan vi bestämmer. "
    "Det tar fem minuter att svara, och du behöver inte skriva ditt namn."
)

# (kind, text, options): the bulk consultations' questions, one of each kind.
QUESTIONS = [
    ("scale", "Hur tycker du att det är i dag?", []),
    ("single", "Känner du dig trygg där på kvällen?", ["Ja", "Nej", "Vet inte"]),
    (
        "multiple",
        "Vad vill du kunna göra där?",
        ["Leka", "Spela boll", "Träffa kompisar", "Sitta och vila", "Klättra"],
    ),
    ("ranking", "Vad är viktigast?", ["Belysning", "Fler bänkar", "Nya gungor"]),
    ("text", "Vad mer vill du säga till dem som bestämmer?", []),
]
# The fixed consultation: every kind, a longer ranking and two free-text questions.
FIXED_QUESTIONS = [
    ("scale", "Hur tycker du att skolgården är i dag?", []),
    ("single", "Var på skolgården är du oftast?", ["Bollplanen", "Gungorna", "Skogen", "Inne"]),
    (
        "multiple",
        "Vad vill du kunna göra på rasten?",
        ["Leka", "Spela boll", "Klättra", "Vara i lugn och ro", "Odla", "Åka pulka"],
    ),
    (
        "ranking",
        "Vad ska göras först?",
        ["Nya gungor", "Mer belysning", "Tak mot regnet", "Fler bänkar", "En klätterställning"],
    ),
    ("text", "Vad är det bästa med skolgården?", []),
    ("text", "Vad mer vill du säga till dem som bestämmer?", []),
]
# Answered in this share of responses (per mille), by kind.
ANSWERED = {"scale": 960, "single": 900, "multiple": 850, "ranking": 700, "text": 420}
TEXTS = [
    "Det behövs mer lampor, det är mörkt på vintern.",
    "Fler gungor! Det blir kö varje rast.",
    "En plats att sitta under tak när det regnar.",
    "Bra att ni frågar oss.",
    "Bollplanen är för liten för alla som vill spela.",
    "Det är stökigt vid ingången när alla ska in samtidigt.",
    "Vi vill ha en hörna där man kan vara ifred.",
    "Mer träd och buskar, det är fint och man kan gömma sig.",
]
# Free texts that the screening flags (a name on the list, a phone number, an e-mail address).
FLAGGED_TEXTS = [
    "Fröken Benchsson säger att vi inte får vara i skogen.",
    "Ring mig om ni vill veta mer 070-123 45 67",
    "Skriv till mig på barn.bench@example.invalid",
    "Vaktmästare Benchberg lagar alltid gungorna, han är snäll.",
]
FLAGGED_PER_MILLE = 60
AGE_BANDS = ["6-12", "13-17"]
GENDERS = ["girl", "boy", "other", ""]
VARIANTS = 97  # answer variants per question set; each response picks one


@dataclass
class ConsultationSpec:
    title: str
    code: str
    status: str
    opens_on: date
    closes_on: date
    responses: int
    questions: list  # (kind, text, options)
    fixed: bool = False


def organisation_seed(scb_code: str) -> random.Random:
    return random.Random(f"{SEED}-{scb_code}")


def draw_code(rng: random.Random, taken: set, alphabet: str, length: int) -> str:
    while True:
        code = "".join(rng.choice(alphabet) for _ in range(length))
        if code not in taken and code != FIXED_CODE:
            taken.add(code)
            return code


def organisation_consultations(rng, taken: set, alphabet: str, length: int, today: date) -> list:
    """The bulk consultations of one organisation: one open, the others closed or answered."""
    specs = []
    for number in range(CONSULTATIONS_PER_ORGANISATION):
        opens_on = today - timedelta(days=rng.randint(7, 330) if number else 10)
        status = "open" if number == 0 else ("answered" if number % 3 == 0 else "closed")
        closes_on = opens_on + timedelta(days=28)
        place = PLACES[rng.randrange(len(PLACES))]
        specs.append(
            ConsultationSpec(
                title=TITLES[number % len(TITLES)].format(place=place),
                code=draw_code(rng, taken, alphabet, length),
                status=status,
                opens_on=opens_on,
                closes_on=closes_on,
                responses=rng.randint(*RESPONSES_PER_CONSULTATION),
                questions=QUESTIONS,
            )
        )
    return specs


def fixed_consultation(today: date) -> ConsultationSpec:
    return ConsultationSpec(
        title=FIXED_TITLE,
        code=FIXED_CODE,
        status="open",
        opens_on=today - timedelta(days=7),
        closes_on=today + timedelta(days=60),
        responses=FIXED_RESPONSES,
        questions=FIXED_QUESTIONS,
        fixed=True,
    )


def made_up(rng: random.Random, kind: str, options: list, texts: list):
    """One answer as a child might give it (None: left out)."""
    if rng.randrange(1000) >= ANSWERED[kind]:
        return None
    indexes = range(len(options))
    if kind == "scale":
        return rng.choice([1, 2, 3, 3, 4, 4, 4, 5, 5])
    if kind == "single":
        return rng.choice(indexes)
    if kind == "multiple":
        return sorted(rng.sample(indexes, rng.randint(1, min(3, len(options)))))
    if kind == "ranking":
        return rng.sample(indexes, len(options))
    return rng.choice(texts)


def answer_variants(rng: random.Random, questions: list, count: int = VARIANTS) -> list:
    """`count` sets of answers, one value (or None) per question, in question order."""
    plain = len(FLAGGED_TEXTS) * (1000 - FLAGGED_PER_MILLE) // FLAGGED_PER_MILLE
    texts = [TEXTS[index % len(TEXTS)] for index in range(plain)] + FLAGGED_TEXTS
    return [
        [made_up(rng, kind, options, texts) for kind, _text, options in questions]
        for _ in range(count)
    ]


def response_days(rng: random.Random, spec: ConsultationSpec, today: date) -> list[date]:
    """The day of each response, between opening and closing (or today, if earlier)."""
    last = min(spec.closes_on, today)
    span = max(0, (last - spec.opens_on).days)
    return [spec.opens_on + timedelta(days=rng.randint(0, span)) for _ in range(spec.responses)]


def submission_key(consultation_pk: int, number: int) -> str:
    return f"{KEY_PREFIX}{consultation_pk}-{number}"
