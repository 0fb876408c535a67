"""Swedish words as the search index sees them: split, case-folded, stop words dropped and each
word reduced to its Snowball stem — the same steps as PostgreSQL's `swedish` configuration, so
that both databases index and query the same stems."""

import re
from functools import lru_cache

from core.search import stem as _stem

# Snowball's Swedish stop-word list, the one PostgreSQL's `swedish` configuration uses.
_STOP_WORDS = """
    och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke
    mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något från ut
    när efter upp vi dem vara vad över än dig kan sina här ha mot alla under någon eller allt
    mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa några
    deras blir mina samma vilken er sådan vår blivit dess inom mellan sådant varför varje vilka
    ditt vem vilket sitta sådana vart dina vars vårt våra ert era vilkas
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())
# Stemming is pure Python; a cache makes indexing many texts with a shared vocabulary cheap.
stem = lru_cache(maxsize=100_000)(_stem)
_WORD = re.compile(r"\w+")
MAX_QUERY_WORDS = 8


def words(text: str) -> list[str]:
    return _WORD.findall((text or "").casefold())


def stemmed(text: str) -> list[str]:
    """The stems of every word of `text` that is not a stop word, in order."""
    return [stem(word) for word in words(text) if word not in STOP_WORDS]


def query_stems(query: str) -> list[str]:
    """The distinct stems a search asks for (at most MAX_QUERY_WORDS), in the order typed."""
    return list(dict.fromkeys(stemmed(query)))[:MAX_QUERY_WORDS]
