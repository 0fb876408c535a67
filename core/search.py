"""Swedish search that tolerates inflection, with the same behaviour on SQLite and PostgreSQL.

Each query word is reduced to its Snowball stem ("barnens" → "barn", "budgeten" → "budget") and
must occur in the record's case-folded search text. Matching a stem as a substring finds every
inflected form that starts with it.
"""

from functools import reduce
from operator import and_

import snowballstemmer
from django.db.models import Q

_stemmer = snowballstemmer.stemmer("swedish")
MAX_WORDS = 8


def stem(word: str) -> str:
    """The Snowball stem of one case-folded word."""
    return _stemmer.stemWord(word)


def stems(query: str) -> list[str]:
    words = [word.strip(".,;:!?\"'()") for word in query.casefold().split()][:MAX_WORDS]
    return [_stemmer.stemWord(word) for word in words if word]


def search_filter(query: str, field: str = "search_text") -> Q:
    """Every word's stem must appear in `field` (an empty query matches everything)."""
    conditions = [Q(**{f"{field}__contains": stem}) for stem in stems(query)]
    return reduce(and_, conditions, Q())
