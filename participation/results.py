"""A consultation's results for staff: counts per option, the scale's distribution and mean,
rankings, free texts, totals with the views from meetings, and breakdowns by age and gender
that never show a group of fewer than five.

The pure functions take plain values; `consultation_results` reads the database in a fixed
number of queries, however many children answered.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Max
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from core.charts import Chart, bar_chart

from .forms import SCALE, scale_words
from .heard import HeardTable, heard_tables, not_heard, population_for
from .models import Answer, Consultation, OfflineVoice, Question, Response

SHOWN = (Answer.Moderation.NOT_NEEDED, Answer.Moderation.APPROVED)
TEXTS_ON_PAGE = 20

Grouped = Iterable[tuple[object, int]]  # (an answer's value, how many gave it)


@dataclass(frozen=True)
class TextAnswer:
    """A free-text answer as the reader may see it; `status` says whether others see it."""

    text: str
    status: str

    @property
    def shown_to_others(self) -> bool:
        return self.status in SHOWN

    def status_label(self) -> str:
        return Answer.Moderation(self.status).label


@dataclass
class QuestionResult:
    """One question's summary: a chart and its table, or the texts."""

    question: Question
    answered: int = 0
    chart: Chart | None = None
    columns: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    mean: str = ""
    texts: list[TextAnswer] = field(default_factory=list)
    texts_not_shown: int = 0


@dataclass
class Results:
    """Everything the results page, the PDF summary and the totals show."""

    consultation: Consultation
    online: int
    offline_children: int
    voices: list[OfflineVoice]
    questions: list[QuestionResult]
    # Who was heard (issue 22): answers by age, gender and school or area beside the
    # population, small groups hidden (participation.heard).
    breakdowns: list[HeardTable]
    pending: int = 0
    # The targeted age bands, listed schools or areas and (when asked) genders that no one
    # answered for: named so that the dialogue leader asks them another way.
    not_heard: list[str] = field(default_factory=list)
    population_source: str = ""

    @property
    def voices_in_all(self) -> int:
        return self.online + self.offline_children


def option_counts(option_count: int, grouped: Grouped) -> list[int]:
    """How many chose each option; a value is one option index or a list of them."""
    counts = [0] * option_count
    for value, n in grouped:
        for index in value if isinstance(value, list) else [value]:
            if isinstance(index, int) and 0 <= index < option_count:
                counts[index] += n
    return counts


def scale_distribution(grouped: Grouped, words=None) -> tuple[list[tuple[str, int]], float | None]:
    """How many gave each step of the 1–5 scale, in the question's words, and the mean step."""
    words = words or [word for _step, word in SCALE]
    counts = Counter()
    for value, n in grouped:
        if isinstance(value, int) and 1 <= value <= len(words):
            counts[value] += n
    total = sum(counts.values())
    mean = sum(step * n for step, n in counts.items()) / total if total else None
    return [(str(word), counts[step]) for step, word in enumerate(words, start=1)], mean


def ranking_places(option_count: int, grouped: Grouped) -> list[tuple[int, float | None, int]]:
    """Per option: (index, average place among those who ranked it, how many put it first),
    best average first; options nobody ranked come last."""
    place_sums, ranked, firsts = [0] * option_count, [0] * option_count, [0] * option_count
    for value, n in grouped:
        if not isinstance(value, list):
            continue
        for place, index in enumerate(value, start=1):
            if isinstance(index, int) and 0 <= index < option_count:
                place_sums[index] += place * n
                ranked[index] += n
                firsts[index] += n if place == 1 else 0
    rows = [
        (index, place_sums[index] / ranked[index] if ranked[index] else None, firsts[index])
        for index in range(option_count)
    ]
    return sorted(rows, key=lambda row: (row[1] is None, row[1] or 0, row[0]))


def visible_texts(rows: Iterable[tuple[str, str]], *, raw: bool) -> tuple[list[TextAnswer], int]:
    """(text, moderation) rows as the reader may see them, and how many are kept from them.

    With `raw` (dialogue leaders) every text is shown, marked when others do not see it;
    otherwise only texts that need no moderation or were approved."""
    texts, kept = [], 0
    for text, status in rows:
        if raw or status in SHOWN:
            texts.append(TextAnswer(text, status))
        else:
            kept += 1
    return texts, kept


def decimal(value: float | None) -> str:
    return "–" if value is None else number_format(round(value, 1), decimal_pos=1, use_l10n=True)


def choice_result(question: Question, grouped: list) -> QuestionResult:
    options = question.options
    rows = list(zip(options, option_counts(len(options), grouped), strict=True))
    chart = bar_chart(question.text, rows, id_prefix=f"q{question.pk}")
    return QuestionResult(
        question,
        answered=sum(n for _value, n in grouped),
        chart=chart,
        columns=[_("Option"), _("Answers")],
        rows=rows,
    )


def scale_result(question: Question, grouped: list) -> QuestionResult:
    words = scale_words(question)
    rows, mean = scale_distribution(grouped, words)
    chart = bar_chart(question.text, rows, id_prefix=f"q{question.pk}")
    mean_text = ""
    if mean is not None:
        word = words[int(mean + 0.5) - 1]
        mean_text = _("Mean %(mean)s on the scale 1–5 (%(word)s)") % {
            "mean": decimal(mean),
            "word": str(word).lower(),
        }
    return QuestionResult(
        question,
        answered=sum(n for _word, n in rows),
        chart=chart,
        columns=[_("Answer"), _("Answers")],
        rows=rows,
        mean=mean_text,
    )


def ranking_result(question: Question, grouped: list) -> QuestionResult:
    options = question.options
    places = ranking_places(len(options), grouped)
    title = _("%(question)s – how many put it first") % {"question": question.text}
    chart_rows = [(options[index], firsts) for index, _average, firsts in places]
    return QuestionResult(
        question,
        answered=sum(n for _value, n in grouped),
        chart=bar_chart(title, chart_rows, id_prefix=f"q{question.pk}"),
        columns=[_("Option"), _("Average place"), _("Put it first")],
        rows=[(options[index], decimal(average), firsts) for index, average, firsts in places],
    )


def text_result(question: Question, rows: list, *, raw: bool, limit: int | None) -> QuestionResult:
    texts, kept = visible_texts(rows, raw=raw)
    return QuestionResult(
        question,
        answered=len(rows),
        texts=texts[:limit] if limit else texts,
        texts_not_shown=kept,
    )


def question_result(question: Question, grouped: list, texts: list, **options) -> QuestionResult:
    if question.kind == Question.Kind.TEXT:
        return text_result(question, texts, **options)
    if question.kind == Question.Kind.SCALE:
        return scale_result(question, grouped)
    if question.kind == Question.Kind.RANKING:
        return ranking_result(question, grouped)
    return choice_result(question, grouped)


def consultation_year(consultation: Consultation) -> int:
    """The year a consultation was held in: when it opened, else when it was made."""
    return (consultation.opens_on or consultation.created_at).year


def consultation_results(
    consultation: Consultation, *, raw: bool, text_limit: int | None = TEXTS_ON_PAGE
) -> Results:
    """The results in five queries: questions, grouped answers, groups, meetings, population.
    Responses held as a suspected flood are left out until a person lets them through."""
    questions = list(consultation.questions.all())
    # One grouped read for every kind: choices group by value; texts (value null) by text,
    # newest first, and a text given twice counts twice.
    column = "text" if raw else "masked_text"
    answer_groups = (
        Answer.objects.filter(question__consultation=consultation, response__suspected_flood=False)
        .values("question_id", "value", column, "moderation")
        .annotate(n=Count("id"), last=Max("id"))
        .order_by("-last")
    )
    grouped: dict[int, list] = {}
    texts: dict[int, list] = {}
    for row in answer_groups:
        if row["value"] is None:
            rows = [(row[column], row["moderation"])] * row["n"]
            texts.setdefault(row["question_id"], []).extend(rows)
        else:
            grouped.setdefault(row["question_id"], []).append((row["value"], row["n"]))
    demographics = list(
        Response.objects.filter(consultation=consultation, suspected_flood=False)
        .order_by()
        .values_list("age_band", "gender", "area")
        .annotate(n=Count("id"))
    )
    voices = list(consultation.offline_voices.all())
    population = population_for(consultation.organisation_id, consultation_year(consultation))
    groups = {
        "age_bands": consultation.age_bands,
        "ask_gender": consultation.ask_gender,
        "areas": consultation.area_list(),
    }
    pending = sum(
        status == Answer.Moderation.PENDING for rows in texts.values() for _t, status in rows
    )
    return Results(
        consultation=consultation,
        online=sum(row[-1] for row in demographics),
        offline_children=sum(voice.children_count for voice in voices),
        voices=voices,
        questions=[
            question_result(
                q, grouped.get(q.pk, []), texts.get(q.pk, []), raw=raw, limit=text_limit
            )
            for q in questions
        ],
        breakdowns=heard_tables(demographics, population=population, **groups),
        pending=pending,
        not_heard=not_heard(
            demographics, voice_bands=[b for v in voices for b in v.age_bands], **groups
        ),
        population_source=population.source,
    )


# How long cached results are kept at most; the key changes before that with every new or
# removed response and every change by staff (Consultation.results_version).
RESULTS_TTL = 60 * 60


def cached_results(consultation: Consultation, *, raw: bool, text_limit: int | None) -> Results:
    """`consultation_results` for the results page, kept in Django's cache under a key that
    changes with what they show: the consultation's responses (their count and last id: a
    response added or removed changes one of them), `results_version` (staff changes) and who
    reads them (raw or masked texts, how many, in which language). One query when cached."""
    from django.core.cache import cache
    from django.utils.translation import get_language

    # Held responses (a suspected flood) are not in the results; letting them through raises
    # results_version.
    stamp = Response.objects.filter(consultation=consultation, suspected_flood=False).aggregate(
        count=Count("id"), last=Max("id")
    )
    key = (
        f"consultation-results:{consultation.pk}:{consultation.results_version}:"
        f"{stamp['count']}:{stamp['last']}:{int(raw)}:{text_limit}:{get_language()}"
    )
    results = cache.get(key)
    if results is None:
        results = consultation_results(consultation, raw=raw, text_limit=text_limit)
        cache.set(key, results, RESULTS_TTL)
    results.consultation = consultation
    return results
