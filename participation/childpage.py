"""The children's answer page and its questions, prepared once per consultation and process.

A whole municipality's schools may open the same consultation in the same lesson. While a
consultation is open its questions cannot change (`services._require_editable`), so the empty
form is the same for every child except for two one-time values: the CSRF token and the
submission key. The page is rendered once with a slot for each and every request fills them in;
the answer form is built from questions read once.

A page view does not even read the consultation each time: what a lookup found for an open
consultation is reused for `PAGE_VIEW_MAX_AGE` seconds by `find_for_page_view`. An answer is
always checked against the database (`find`), so a page shown a second after the consultation
closed can only lead to the friendly "closed" page, never to a stored answer. Saving a
consultation, its organisation or its settings forgets what this process found at once; other
processes see the change within `PAGE_VIEW_MAX_AGE`.

The key holds the value of every field of the consultation and its organisation's name, so any
change to them (title, dates, status, languages) is a new key and a fresh page; entries also
expire after `MAX_AGE` seconds, which bounds what an edit made around the services (the Django
admin) can leave behind. The store is per process, bounded, and holds no child's data.
"""

import hashlib
import threading
import time
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery
from django.middleware.csrf import get_token
from django.template.loader import render_to_string

from core.prepared import PreparedValues
from organisations.models import Organisation

from .forms import AnswerForm, answer_fields, new_submission_key
from .models import Consultation, ParticipationSettings
from .models.consultations import normalise_code

MAX_AGE = 300  # seconds
PAGE_VIEW_MAX_AGE = 2  # seconds
MAX_ENTRIES = 256
# Values no token or key can have (those are URL-safe base64 or alphanumerics).
CSRF_SLOT = "{csrf-slot-4f1c}"
KEY_SLOT = "{submission-key-slot-9b2e}"

_store: dict = {}
_lock = threading.Lock()


_CONSULTATION = [field.attname for field in Consultation._meta.concrete_fields]
_ORGANISATION = [field.attname for field in Organisation._meta.concrete_fields]


def _lookup(code):
    names = ParticipationSettings.objects.filter(organisation=OuterRef("organisation"))
    return (
        Consultation.objects.filter(code=code)
        .exclude(status=Consultation.Status.DRAFT)
        .annotate(screened_names=Subquery(names.order_by("pk").values("screened_names")[:1]))
        .values_list(
            *_CONSULTATION,
            *(f"organisation__{name}" for name in _ORGANISATION),
            "screened_names",
        )
    )


_prepared_lookup = PreparedValues(_lookup)


@dataclass(frozen=True)
class Found:
    """A consultation children can open, with its organisation, and the names the
    organisation screens children's free text for (one per line, as the settings hold them)."""

    consultation: Consultation
    screened_names: str
    fingerprint: str  # of the consultation as read (see `fingerprint`)


def find(code: str, using: str = "default") -> Found | None:
    """The consultation with this code unless it is a draft, in one query whose SQL is compiled
    once per process: every child's page view and answer starts here."""
    rows = _prepared_lookup.rows(normalise_code(code), using=using)
    if not rows:
        return None
    row, split = rows[0], len(_CONSULTATION)
    consultation = Consultation.from_db(using, _CONSULTATION, row[:split])
    organisation = Organisation.from_db(using, _ORGANISATION, row[split:-1])
    Consultation.organisation.field.set_cached_value(consultation, organisation)
    return Found(consultation, row[-1] or "", fingerprint(consultation))


def find_for_page_view(code: str) -> Found | None:
    """`find(code)`, or what it found for an open consultation less than `PAGE_VIEW_MAX_AGE`
    seconds ago in this process: for showing the page, not for storing an answer."""
    key = ("found", normalise_code(code))
    found = _get(key)
    if found is None:
        found = find(code)
        if found is not None and found.consultation.accepts_answers():
            _put(key, found, max_age=PAGE_VIEW_MAX_AGE)
    return found


def forget_found(**_signal_kwargs) -> None:
    """Forget every consultation `find_for_page_view` holds (connected to the save and delete
    signals of consultations, organisations and participation settings)."""
    with _lock:
        for key in [key for key in _store if key[0] == "found"]:
            del _store[key]


def answer_page(request, found: Found, english: bool) -> str:
    """The empty answer page for this request: the prepared HTML with this request's CSRF
    token and a new submission key."""
    key = ("page", found.consultation.pk, english, found.fingerprint)
    html = _get(key)
    if html is None:
        html = _put(key, _render(request, found, english))
    return html.replace(CSRF_SLOT, get_token(request)).replace(KEY_SLOT, new_submission_key())


def questions(consultation, prepared_key: str | None = None) -> list:
    """The consultation's questions in order, read once while they cannot change.
    `prepared_key`: the consultation's fingerprint, if the caller has it."""
    if consultation.status != consultation.Status.OPEN:
        return list(consultation.questions.all())
    key = ("questions", consultation.pk, prepared_key or fingerprint(consultation))
    found = _get(key)
    if found is None:
        found = _put(key, list(consultation.questions.all()))
    return found


def answer_form(data, consultation, english: bool, prepared_key=None, **kwargs) -> AnswerForm:
    """The answer form, its question fields built once per consultation and language while
    the consultation is open. The fields are shared between requests and threads: validating
    and rendering a form only read its fields, and nothing here changes them.
    `prepared_key`: the consultation's fingerprint, if the caller has it."""
    if consultation.status != consultation.Status.OPEN:
        questions_now, fields = questions(consultation), None
    else:
        prepared_key = prepared_key or fingerprint(consultation)
        questions_now = questions(consultation, prepared_key)
        key = ("fields", consultation.pk, english, prepared_key)
        fields = _get(key)
        if fields is None:
            fields = _put(key, answer_fields(consultation, english, questions_now))
    return AnswerForm(
        data,
        consultation=consultation,
        english=english,
        questions=questions_now,
        fields=fields,
        **kwargs,
    )


def fingerprint(consultation) -> str:
    values = [(f.attname, getattr(consultation, f.attname)) for f in consultation._meta.fields]
    values.append(("organisation", consultation.organisation.name))
    return hashlib.blake2b(repr(values).encode(), digest_size=16).hexdigest()


def _render(request, found: Found, english: bool) -> str:
    consultation = found.consultation
    form = answer_form(
        None, consultation, english, found.fingerprint, initial={"submission_key": KEY_SLOT}
    )
    # The view's csrf_token stands above the context processor's, which is never evaluated:
    # rendering the shared page sets no cookie and reads no token.
    context = {"consultation": consultation, "english": english, "form": form}
    context["csrf_token"] = CSRF_SLOT
    return render_to_string("participation/child/answer.html", context, request=request)


def _get(key):
    entry = _store.get(key)
    if entry is None or entry[0] < time.monotonic():
        return None
    return entry[1]


def _put(key, value, max_age=MAX_AGE):
    with _lock:
        if len(_store) >= MAX_ENTRIES:
            now = time.monotonic()
            for old in [k for k, (expires, _v) in _store.items() if expires < now]:
                del _store[old]
            while len(_store) >= MAX_ENTRIES:
                del _store[next(iter(_store))]
        _store[key] = (time.monotonic() + max_age, value)
    return value


def clear() -> None:
    """Forget every prepared page (tests)."""
    with _lock:
        _store.clear()
