"""What the load test (`bench.load`) needs to know about the children's form and the answers:
the form's fields and tokens read from the page with a few regular expressions, answers made
up for it, and the accounting of submissions sent against responses stored.

Pure functions, so that tests can run them against the real page without a server.
"""

import random
import re
from collections import Counter
from urllib.parse import urlencode

from bench.weight import attributes

_INPUT = re.compile(r"<input\b([^>]*)>", re.IGNORECASE)
_TEXTAREA = re.compile(r"<textarea\b([^>]*)>", re.IGNORECASE)
_SELECT = re.compile(r"<select\b([^>]*)>(.*?)</select>", re.IGNORECASE | re.DOTALL)
_OPTION = re.compile(r"<option\b([^>]*)>", re.IGNORECASE)
# The two hidden values that change with every page: cheap to find on every request.
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_KEY = re.compile(r'<input\b[^>]*name="submission_key"[^>]*>')
_VALUE = re.compile(r'value="([^"]*)"')
# Filled in by the page itself, or (the honeypot) left empty by people.
NOT_ANSWERS = {"csrfmiddlewaretoken", "submission_key", "website"}
FREE_TEXTS = [
    "Mer ljus vid gångvägen, det är mörkt på vintern.",
    "Fler bänkar och ett tak mot regnet.",
    "Bra att ni frågar oss!",
]


def tokens(html: str) -> tuple[str, str]:
    """(CSRF token, submission key) of the children's form; ValueError if either is missing."""
    csrf = _CSRF.search(html)
    key_input = _KEY.search(html)
    key = _VALUE.search(key_input[0]) if key_input else None
    if not csrf or not key or not key[1]:
        raise ValueError("the page has no CSRF token or no submission key")
    return csrf[1], key[1]


def form_fields(html: str) -> dict:
    """name -> (kind, values) of the form's answer fields, in order: "radio", "checkbox" and
    "select" with their non-empty values, "text" (text areas and text inputs) with none."""
    found = {}
    for text in _INPUT.findall(html):
        field = attributes(text)
        name, kind = field.get("name", ""), field.get("type", "text").lower()
        if not name or name in NOT_ANSWERS or kind in {"hidden", "submit", "button"}:
            continue
        if kind in {"radio", "checkbox"}:
            found.setdefault(name, (kind, []))[1].append(field.get("value", "on"))
        else:
            found.setdefault(name, ("text", []))
    for text in _TEXTAREA.findall(html):
        name = attributes(text).get("name", "")
        if name and name not in NOT_ANSWERS:
            found.setdefault(name, ("text", []))
    for text, options in _SELECT.findall(html):
        name = attributes(text).get("name", "")
        values = [attributes(option).get("value", "") for option in _OPTION.findall(options)]
        if name:
            found[name] = ("select", [value for value in values if value])
    return found


def ranking_groups(fields: dict) -> dict:
    """Selects named <question>_<option index> grouped by question: a ranking, whose places
    must differ."""
    groups = {}
    for name, (kind, _values) in fields.items():
        prefix, _sep, index = name.rpartition("_")
        if kind == "select" and prefix and index.isdigit():
            groups.setdefault(prefix, []).append(name)
    return groups


def answers(fields: dict, rng: random.Random) -> list[tuple[str, str]]:
    """Made-up answers to every field, as (name, value) pairs: one choice of each radio group,
    one to three boxes, every option of a ranking a different place, a short free text."""
    pairs = []
    ranked = set()
    for names in ranking_groups(fields).values():
        places = rng.sample(range(1, len(names) + 1), len(names))
        pairs.extend((name, str(place)) for name, place in zip(names, places, strict=True))
        ranked.update(names)
    for name, (kind, values) in fields.items():
        if name in ranked:
            continue
        if kind in {"radio", "select"} and values:
            pairs.append((name, rng.choice(values)))
        elif kind == "checkbox" and values:
            chosen = rng.sample(values, rng.randint(1, min(3, len(values))))
            pairs.extend((name, value) for value in chosen)
        elif kind == "text":
            pairs.append((name, rng.choice(FREE_TEXTS)))
    return pairs


def form_body(pairs: list, csrf: str, key: str) -> bytes:
    """The POST body: the tokens, an empty honeypot and the answers."""
    fixed = [("csrfmiddlewaretoken", csrf), ("submission_key", key), ("website", "")]
    return urlencode(fixed + pairs).encode()


def account(posts: list, stored: Counter | dict, double_posted: set) -> dict:
    """Submissions sent against responses stored.

        `posts`: (submission key, thanked) for every POST sent, the deliberate second POSTs
        included; thanked means answered 302 to the thank-you page. `stored`: submission key ->
        number of responses stored with it (the keys the bench generated left out). A key that was
        thanked but is not stored is lost; a key stored more than once is duplicated; a stored key
        that no POST sent is unexpected. The keys posted twice on purpose (and thanked) must be
    stored exactly once."""
    sent = {key for key, _thanked in posts}
    thanked = {key for key, was_thanked in posts if was_thanked}
    lost = sorted(thanked - set(stored))
    duplicated = sorted(key for key, count in stored.items() if count > 1)
    unexpected = sorted(set(stored) - sent)
    double_thanked = double_posted & thanked
    double_stored_once = sum(1 for key in double_thanked if stored.get(key) == 1)
    return {
        "posts": len(posts),
        "submissions": len(thanked),
        "stored": sum(stored.values()),
        "stored_keys": len(stored),
        "lost": len(lost),
        "duplicated": len(duplicated),
        "unexpected": len(unexpected),
        "stored_without_302": len((set(stored) & sent) - thanked),
        "double_posted": len(double_thanked),
        "double_posted_stored_once": double_stored_once,
        "examples": {"lost": lost[:5], "duplicated": duplicated[:5], "unexpected": unexpected[:5]},
        "ok": not lost
        and not duplicated
        and not unexpected
        and double_stored_once == len(double_thanked),
    }
