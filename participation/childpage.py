"""The children's answer page and its questions, prepared once per consultation and process.

A whole municipality's schools may open the same consultation in the same lesson. While a
consultation is open its questions cannot change (`services._require_editable`), so the empty
form is the same for every child except for two one-time values: the CSRF token and the
submission key. The page is rendered once with a slot for each and every request fills them in;
the answer form is built from questions read once.

The key holds the value of every field of the consultation and its organisation's name, so any
change to them (title, dates, status, languages) is a new key and a fresh page; entries also
expire after `MAX_AGE` seconds, which bounds what an edit made around the services (the Django
admin) can leave behind. The store is per process, bounded, and holds no child's data.
"""

import hashlib
import threading
import time

from django.middleware.csrf import get_token
from django.template.loader import render_to_string

from .forms import AnswerForm, new_submission_key

MAX_AGE = 300  # seconds
MAX_ENTRIES = 256
# Values no token or key can have (those are URL-safe base64 or alphanumerics).
CSRF_SLOT = "{csrf-slot-4f1c}"
KEY_SLOT = "{submission-key-slot-9b2e}"

_store: dict = {}
_lock = threading.Lock()


def answer_page(request, consultation, english: bool) -> str:
    """The empty answer page for this request: the prepared HTML with this request's CSRF
    token and a new submission key."""
    key = ("page", consultation.pk, english, fingerprint(consultation))
    html = _get(key)
    if html is None:
        html = _put(key, _render(request, consultation, english))
    return html.replace(CSRF_SLOT, get_token(request)).replace(KEY_SLOT, new_submission_key())


def questions(consultation) -> list:
    """The consultation's questions in order, read once while they cannot change."""
    if consultation.status != consultation.Status.OPEN:
        return list(consultation.questions.all())
    key = ("questions", consultation.pk, fingerprint(consultation))
    found = _get(key)
    if found is None:
        found = _put(key, list(consultation.questions.all()))
    return found


def fingerprint(consultation) -> str:
    values = [(f.attname, getattr(consultation, f.attname)) for f in consultation._meta.fields]
    values.append(("organisation", consultation.organisation.name))
    return hashlib.blake2b(repr(values).encode(), digest_size=16).hexdigest()


def _render(request, consultation, english: bool) -> str:
    form = AnswerForm(
        consultation=consultation,
        english=english,
        questions=questions(consultation),
        initial={"submission_key": KEY_SLOT},
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


def _put(key, value):
    with _lock:
        if len(_store) >= MAX_ENTRIES:
            now = time.monotonic()
            for old in [k for k, (expires, _v) in _store.items() if expires < now]:
                del _store[old]
            while len(_store) >= MAX_ENTRIES:
                del _store[next(iter(_store))]
        _store[key] = (time.monotonic() + MAX_AGE, value)
    return value


def clear() -> None:
    """Forget every prepared page (tests)."""
    with _lock:
        _store.clear()
