"""Writes the participation data that `bench.participation` plans: the generator
`participation` (run by `bench.dataset` after the cases) and the `ResponseWriter`, which writes
about a million responses and their answers at scale 1.0 with `bench.plan.insert`."""

import random
from datetime import date

from bench import participation as plan
from bench.plan import Dataset, bulk, insert, next_ids, prepare, reset_sequences


def participation(data: Dataset) -> None:
    """Consultations with children (see bench.participation): six per organisation with about a
    million responses at 1.0, and the bench organisation's fixed, open consultation with exactly
    200 responses, whose children's page, results page and load test the bench measures."""
    from django.utils import timezone

    from participation.models import Consultation, ParticipationSettings, Question
    from participation.models.consultations import CODE_ALPHABET, CODE_LENGTH
    from participation.screening import parse_name_list

    today, taken, planned = timezone.localdate(), set(), []  # (consultation, spec, rng)
    home = data.bench_organisation
    for organisation in data.organisations:
        rng = plan.organisation_seed(organisation.scb_code)
        specs = plan.organisation_consultations(rng, taken, CODE_ALPHABET, CODE_LENGTH, today)
        if organisation.pk == home.pk:
            specs.append(plan.fixed_consultation(today))
        bodies = data.bodies[organisation.pk]
        for spec in specs:
            fixed = spec.fixed
            body = next(b for b in bodies if b.name == plan.FIXED_BODY) if fixed else None
            consultation = Consultation(
                organisation=organisation,
                body=body,
                title=spec.title,
                code=spec.code,
                introduction=plan.INTRODUCTION,
                age_bands=plan.AGE_BANDS,
                channels=["online", "school_class"],
                opens_on=spec.opens_on,
                closes_on=spec.closes_on,
                status=spec.status,
                ask_gender=fixed,
                created_by=data.people[organisation.pk][5],  # the dialogue leader (ROLE_PLAN)
            )
            planned.append((consultation, spec, random.Random(spec.code) if fixed else rng))
    bulk(Consultation, [consultation for consultation, _spec, _rng in planned])
    questions = {}
    for consultation, spec, _rng in planned:
        questions[consultation.pk] = [
            Question(consultation=consultation, position=n, kind=kind, text=text, options=options)
            for n, (kind, text, options) in enumerate(spec.questions)
        ]
    bulk(Question, [q for qs in questions.values() for q in qs])
    ParticipationSettings.objects.create(organisation=home, screened_names=plan.SCREENED_NAMES)
    names = parse_name_list(plan.SCREENED_NAMES)
    writer = ResponseWriter(today)
    for consultation, spec, rng in planned:
        own = names if consultation.organisation_id == home.pk else []
        writer.add(consultation, spec, questions[consultation.pk], rng, own)
    writer.flush()


# --- The responses --------------------------------------------------------------------


TEXT_ANSWER_FIELDS = [
    "id",
    "response",
    "question",
    "text",
    "masked_text",
    "screening_reasons",
    "moderation",
]


class ResponseWriter:
    """Writes the responses of consultations and their answers with `bench.plan.insert`, in
    chunks of RESPONSE_CHUNK responses. The answers' values, days and screening results are
    converted once each and shared by the rows."""

    def __init__(self, today: date):
        from participation.models import Answer, Response

        self.Answer, self.Response, self.today = Answer, Response, today
        self.ids = {model: next_ids(model) for model in (Response, Answer)}
        self.responses, self.choices, self.texts = [], [], []
        self.converted = {}  # (field, repr of value) -> value for the database
        self.screened = {}  # (text, names) -> (masked text, reasons, flagged)

    def convert(self, model, field: str, value):
        key = (field, repr(value))
        if key not in self.converted:
            self.converted[key] = prepare(model, field, value)
        return self.converted[key]

    def screen(self, text: str, names: list):
        from participation.screening import screen

        key = (text, tuple(names))
        if key not in self.screened:
            result = screen(text, names)
            reasons = self.convert(self.Answer, "screening_reasons", result.reasons)
            self.screened[key] = (result.masked_text, reasons, result.flagged)
        return self.screened[key]

    def add(self, consultation, spec: plan.ConsultationSpec, questions: list, rng, names) -> None:
        """`questions`: the consultation's Question objects in order; `names`: the names the
        organisation screens free text for."""
        variants = plan.answer_variants(rng, spec.questions)
        days = plan.response_days(rng, spec, self.today)
        flagged_seen = 0
        for number, day in enumerate(days):
            response = next(self.ids[self.Response])
            self.responses.append(
                (
                    response,
                    consultation.organisation_id,
                    consultation.pk,
                    self.convert(self.Response, "submitted_on", day),
                    plan.AGE_BANDS[rng.randrange(len(plan.AGE_BANDS))],
                    plan.GENDERS[rng.randrange(len(plan.GENDERS))]
                    if consultation.ask_gender
                    else "",
                    plan.submission_key(consultation.pk, number),
                )
            )
            # Drawn where the device hash (no longer stored) was, so the data set stays the same.
            rng.getrandbits(128)
            for question, value in zip(
                questions, variants[rng.randrange(plan.VARIANTS)], strict=True
            ):
                if value is None:
                    continue
                if question.kind != "text":
                    value = self.convert(self.Answer, "value", value)
                    self.choices.append((next(self.ids[self.Answer]), response, question.pk, value))
                    continue
                masked, reasons, flagged = self.screen(value, names)
                moderation = "not_needed"
                if flagged:
                    flagged_seen += 1
                    moderation = ("pending", "pending", "approved", "hidden")[flagged_seen % 4]
                answer = next(self.ids[self.Answer])
                self.texts.append(
                    (answer, response, question.pk, value, masked, reasons, moderation)
                )
            if len(self.responses) >= plan.RESPONSE_CHUNK:
                self.write()

    def write(self) -> None:
        Response, Answer = self.Response, self.Answer
        insert(
            Response,
            [
                "id",
                "organisation",
                "consultation",
                "submitted_on",
                "age_band",
                "gender",
                "submission_key",
            ],
            self.responses,
            prepared=frozenset({"submitted_on"}),
        )
        insert(Answer, ["id", "response", "question", "value"], self.choices, frozenset({"value"}))
        insert(
            Answer,
            TEXT_ANSWER_FIELDS,
            self.texts,
            prepared=frozenset({"screening_reasons"}),
        )
        self.responses, self.choices, self.texts = [], [], []

    def flush(self) -> None:
        self.write()
        reset_sequences([self.Response, self.Answer])
