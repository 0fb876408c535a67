"""LIX (läsbarhetsindex), the Swedish readability index, for questions put to children.

LIX = words / sentences + 100 × long words / words, where a long word has more than six letters.
A question written for ten-year-olds should stay at or below 30; for teenagers, 40.
"""

import re
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

LONG_WORD_LETTERS = 6

# Limits agreed with the participation coordinators: children up to twelve read "easy" text.
MAX_LIX_BY_AGE_BAND: dict[str, int] = {"0-5": 30, "6-12": 30, "13-17": 40}

# Upper bounds (exclusive) of the conventional LIX bands, lowest first.
LEVELS: tuple[tuple[float, Promise], ...] = (
    (25, _("very easy")),
    (35, _("easy")),
    (45, _("medium")),
    (55, _("difficult")),
    (float("inf"), _("very difficult")),
)

# Common Swedish abbreviations: their full stops do not end a sentence, and each counts as
# one short word (the reader sees "t.ex.", not "till exempel").
ABBREVIATIONS = (
    "t.ex.", "bl.a.", "m.m.", "m.fl.", "o.s.v.", "osv.", "d.v.s.", "dvs.", "s.k.", "p.g.a.",
    "pga.", "t.o.m.", "fr.o.m.", "f.d.", "o.d.", "ca.", "kl.", "nr.", "resp.", "jfr.", "inkl.",
    "exkl.", "etc.", "enl.", "st.", "tel.", "obs.",
)  # fmt: skip
# These often close a list at the end of a sentence: "bröd, mjölk m.m. Sedan …".
LIST_ENDINGS = frozenset({"m.m.", "m.fl.", "o.s.v.", "osv.", "etc.", "o.d."})

_ABBREVIATION = "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
# A colon ends a sentence as in Björnsson's original count, unless it sits inside a word ("FN:s").
_TOKENS = re.compile(
    rf"""
    (?P<abbr>(?<![^\W_])(?i:{_ABBREVIATION})(?![^\W_]))
    | (?P<number>\d+(?:[.,]\d+)+)
    | (?P<word>[^\W_]+(?:[-'’:][^\W_]+)*)
    | (?P<end>[.!?:…]+|\n\s*\n)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Counts:
    words: int
    long_words: int
    sentences: int


@dataclass(frozen=True)
class Readability:
    """A text's LIX, its band and whether it is too hard for the age band it is meant for."""

    score: float | None
    level: Promise | None
    limit: int
    too_hard: bool


def count(text: str) -> Counts:
    """Words, long words and sentences, as LIX counts them."""
    words = long_words = sentences = 0
    open_sentence = False
    for match in _TOKENS.finditer(text or ""):
        if match["end"]:
            sentences += open_sentence
            open_sentence = False
            continue
        words += 1
        long_words += sum(ch.isalpha() for ch in match[0]) > LONG_WORD_LETTERS
        open_sentence = True
        if _ends_sentence(match):
            sentences += 1
            open_sentence = False
    return Counts(words, long_words, sentences + open_sentence)


def _ends_sentence(match: re.Match) -> bool:
    """A list-closing abbreviation followed by a capital letter ends its sentence as well."""
    if not match["abbr"] or match["abbr"].lower() not in LIST_ENDINGS:
        return False
    following = match.string[match.end() :]
    rest = following.lstrip()
    return len(rest) < len(following) and rest[:1].isupper()


def lix(text: str) -> float | None:
    """The text's LIX, or None when it has no words to measure."""
    counts = count(text)
    if not counts.words:
        return None
    return counts.words / counts.sentences + 100 * counts.long_words / counts.words


def level(score: float) -> Promise:
    """The conventional name of the band the score falls in ("very easy" … "very difficult")."""
    return next(label for upper, label in LEVELS if score < upper)


def assess(text: str, age_band: str) -> Readability:
    """The text's readability measured against the limit for children in `age_band`."""
    try:
        limit = MAX_LIX_BY_AGE_BAND[age_band]
    except KeyError:
        raise ValueError(f"Unknown age band {age_band!r}") from None
    score = lix(text)
    if score is None:
        return Readability(score=None, level=None, limit=limit, too_hard=False)
    return Readability(score=score, level=level(score), limit=limit, too_hard=score > limit)


def for_age_bands(text: str, age_bands) -> Readability:
    """Measured against the youngest of the age bands a text is written for (young adults are
    held to the limit for 13–17; no band at all means the limit for 6–12)."""
    limits = [MAX_LIX_BY_AGE_BAND.get(band, MAX_LIX_BY_AGE_BAND["13-17"]) for band in age_bands]
    youngest = min(limits, default=MAX_LIX_BY_AGE_BAND["6-12"])
    band = next(b for b, limit in MAX_LIX_BY_AGE_BAND.items() if limit == youngest)
    return assess(text, band)
