"""Swedish search that tolerates inflection, with the same behaviour on SQLite and PostgreSQL.

Each query word is reduced to its Snowball stem ("barnens" → "barn", "budgeten" → "budget") and
must occur in the record's case-folded search text. Matching a stem as a substring finds every
inflected form that starts with it. The definite endings -et and -an, which Snowball keeps, are
taken off first ("nätverket" finds "nätverk").
"""

from functools import reduce
from operator import and_

import snowballstemmer
from django.db.models import Q

_stemmer = snowballstemmer.stemmer("swedish")
MAX_WORDS = 8
# Snowball's Swedish stemmer keeps the definite endings -et and -an ("nätverket", "skolan") while
# it removes -en and -er, so "nätverket" and "nätverk" would not find each other. A search asks
# for the word without them and with each of them.
DEFINITE_ENDINGS = ("et", "an")
SHORTEST_BASE = 3


def stem(word: str) -> str:
    """The Snowball stem of one case-folded word."""
    return _stemmer.stemWord(word)


def base(word: str) -> str:
    """The word's stem without a definite ending Snowball leaves ("nätverket", "nätverkets" →
    "nätverk"). Only a word that ends in it loses it: "levnadsvanor" stems to "levnadsvan",
    whose -an is no ending, and keeps it."""
    stemmed = stem(word)
    for ending in DEFINITE_ENDINGS:
        ends = word.endswith((ending, ending + "s"))
        if ends and stemmed.endswith(ending) and len(stemmed) - len(ending) >= SHORTEST_BASE:
            return stemmed[: -len(ending)]
    return stemmed


def forms(word: str) -> list[str]:
    """The stems a word can have in a text: its base alone and with each definite ending."""
    found = base(word)
    return [found, *(found + ending for ending in DEFINITE_ENDINGS)]


def words(query: str) -> list[str]:
    """The query's case-folded words, without punctuation, at most MAX_WORDS."""
    found = [word.strip(".,;:!?\"'()") for word in query.casefold().split()][:MAX_WORDS]
    return [word for word in found if word]


def stems(query: str) -> list[str]:
    return [stem(word) for word in words(query)]


def search_filter(query: str, field: str = "search_text") -> Q:
    """Every word's stem must appear in `field` (an empty query matches everything). The base is
    enough: as a substring it also matches the definite forms."""
    conditions = [Q(**{f"{field}__contains": base(word)}) for word in words(query)]
    return reduce(and_, conditions, Q())
