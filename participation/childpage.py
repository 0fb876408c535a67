"""What the children's answer page reads, through the ORM and Django's cache (decision 0027).

A whole municipality's schools may open the same consultation in the same lesson. A page view
reuses what a lookup found for an open consultation for `PAGE_VIEW_MAX_AGE` seconds; an answer
always reads the consultation afresh (`find`), so a page shown a second after the consultation
closed can only lead to the friendly "closed" page, never to a stored answer. Saving a
consultation forgets its cached lookup at once (`forget_found`, connected in `apps.py`).

While a consultation is open its questions cannot change (`services._require_editable`), and
every change to them raises its `results_version`: the questions are cached under a key with
that version. The cache holds no child's data.
"""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import OuterRef, Subquery

from .forms import AnswerForm
from .models import Consultation, ParticipationSettings
from .models.consultations import normalise_code

MAX_AGE = 300  # seconds
PAGE_VIEW_MAX_AGE = 2  # seconds


@dataclass(frozen=True)
class Found:
    """A consultation children can open, with its organisation, and the names the
    organisation screens children's free text for (one per line, as the settings hold them)."""

    consultation: Consultation
    screened_names: str


def find(code: str) -> Found | None:
    """The consultation with this code unless it is a draft, with its organisation and the
    names to screen for, in one query: every child's page view and answer starts here."""
    names = ParticipationSettings.objects.filter(organisation=OuterRef("organisation"))
    consultation = (
        Consultation.objects.select_related("organisation")
        .exclude(status=Consultation.Status.DRAFT)
        .annotate(screened_names=Subquery(names.order_by("pk").values("screened_names")[:1]))
        .filter(code=normalise_code(code))
        .first()
    )
    if consultation is None:
        return None
    return Found(consultation, consultation.screened_names or "")


def _found_key(code: str) -> str:
    # Hashed: the code comes from the address bar, and a cache key must be short and plain
    # whatever a visitor types (memcached refuses control characters and long keys).
    digest = hashlib.sha256(normalise_code(code).encode()).hexdigest()
    return f"childpage:found:{digest}"


def find_for_page_view(code: str) -> Found | None:
    """`find(code)`, or what it found for an open consultation less than `PAGE_VIEW_MAX_AGE`
    seconds ago: for showing the page, not for storing an answer."""
    key = _found_key(code)
    found = cache.get(key)
    if found is None:
        found = find(code)
        if found is not None and found.consultation.accepts_answers():
            cache.set(key, found, PAGE_VIEW_MAX_AGE)
    return found


def forget_found(sender, instance, **_signal_kwargs) -> None:
    """Forget the cached lookup of a consultation that was saved or deleted."""
    cache.delete(_found_key(instance.code))


def questions(consultation) -> list:
    """The consultation's questions in order; cached while it is open, under its version."""
    if consultation.status != consultation.Status.OPEN:
        return list(consultation.questions.all())
    key = f"childpage:questions:{consultation.pk}:{consultation.results_version}"
    return cache.get_or_set(key, lambda: list(consultation.questions.all()), MAX_AGE)


def answer_form(data, consultation, english: bool, **kwargs) -> AnswerForm:
    """The answer form of the consultation, in the child's language."""
    return AnswerForm(
        data,
        consultation=consultation,
        english=english,
        questions=questions(consultation),
        **kwargs,
    )


def fields_version(consultation) -> str:
    """What the answer form's fields depend on, for the key of their cached HTML
    (the template fragment in `participation/child/answer.html`)."""
    return "-".join(
        str(value)
        for value in (
            consultation.results_version,
            consultation.status,
            consultation.ask_gender,
            consultation.requires_class_code,
            ",".join(consultation.age_bands),
            # Hashed: the list can be long, and a cache key has a length limit.
            hashlib.sha256(consultation.areas.encode()).hexdigest()[:12],
        )
    )
