"""Screening of children's free-text answers before anyone but the dialogue leader reads them.

Personal identity numbers, phone numbers, e-mail addresses and the names the leader lists are
replaced by a mask such as "[personnummer]", and the answer is flagged so that the leader looks
at it. Detection errs towards masking: hiding a harmless word costs less than showing a child's
personal number, but ordinary numbers (years, prices, class codes) are left alone.
"""

import datetime
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# Stable reason codes, in the order detectors run (earlier ones win where matches overlap).
PERSONAL_NUMBER = "personal_number"
PHONE = "phone"
EMAIL = "email"
NAME = "name"

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)+")
_PERSONAL_NUMBER = re.compile(
    r"(?<!\d)(?P<century>\d{2})?(?P<date>\d{6})[-–+]?(?P<serial>\d{4})(?!\d)"
)
_SEP = r"[ \u00a0-]?"  # one space, no-break space or hyphen between digits
# Seven to nine digits after the leading 0 or +46, as Swedish numbers have.
_PHONE = re.compile(
    rf"""(?<![\w+])
    (?:
        (?:\+|00)46{_SEP}(?:\(0\){_SEP})?[1-9](?:{_SEP}\d){{6,8}}  # +46 70 …, 0046 8 …
      | 0[1-9](?:{_SEP}\d){{6,8}}                                 # 070-…, 08-…, 0586-…
      | \(0[1-9]\d{{0,2}}\)\ ?\d(?:{_SEP}\d){{4,7}}                # (08) 123 45 67
    )
    (?!\d)""",
    re.VERBOSE,
)
# "01-02-2026" has the shape of a phone number but is a date.
_DATE = re.compile(r"\d{2}-\d{2}-\d{4}")
_NAME_SEPARATORS = re.compile(r"[\n,;]+")


@dataclass(frozen=True)
class ScreeningResult:
    """The text as others may see it, and why it was flagged for the dialogue leader."""

    masked_text: str
    flagged: bool
    reasons: list[str] = field(default_factory=list)


def screen(text: str, names: Iterable[str] = ()) -> ScreeningResult:
    """Mask personal numbers, phone numbers, e-mail addresses and the given names in `text`."""
    text = text or ""
    masks = _masks()
    taken: list[tuple[int, int, str]] = []
    for code, finder in _detectors(names):
        for start, end in finder(text):
            if all(end <= s or start >= e for s, e, _code in taken):
                taken.append((start, end, code))
    pieces, position = [], 0
    for start, end, code in sorted(taken):
        pieces += [text[position:start], masks[code]]
        position = end
    pieces.append(text[position:])
    reasons = [code for code in masks if any(code == c for _s, _e, c in taken)]
    return ScreeningResult(masked_text="".join(pieces), flagged=bool(reasons), reasons=reasons)


def _masks() -> dict[str, str]:
    """The masks in the active language, keyed by reason code in reporting order."""
    return {
        PERSONAL_NUMBER: _("[personal number]"),
        PHONE: _("[phone number]"),
        EMAIL: _("[e-mail]"),
        NAME: _("[name]"),
    }


def reason_words(reasons: Iterable[str]) -> list[str]:
    """Why a text was flagged, in words for the dialogue leader."""
    words = {
        PERSONAL_NUMBER: _("a personal identity number"),
        PHONE: _("a phone number"),
        EMAIL: _("an e-mail address"),
        NAME: _("a name on the organisation's list"),
    }
    return [words.get(reason, reason) for reason in reasons]


Finder = Callable[[str], Iterator[tuple[int, int]]]


def _detectors(names: Iterable[str]) -> list[tuple[str, Finder]]:
    """E-mail first, so that a name or number inside an address is masked with the address."""
    return [
        (EMAIL, lambda text: _spans(_EMAIL, text)),
        (PERSONAL_NUMBER, personal_number_spans),
        (PHONE, phone_spans),
        (NAME, _name_finder(names)),
    ]


def _spans(pattern: re.Pattern, text: str) -> Iterator[tuple[int, int]]:
    return (match.span() for match in pattern.finditer(text))


def phone_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where `text` holds a Swedish phone number, mobile or landline, national or +46."""
    for match in _PHONE.finditer(text):
        if not _DATE.fullmatch(match[0]):
            yield match.span()


def personal_number_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where `text` holds a valid personnummer or samordningsnummer (date and check digit)."""
    for match in _PERSONAL_NUMBER.finditer(text):
        if is_personal_number(match["century"], match["date"], match["serial"]):
            yield match.span()


def is_personal_number(century: str | None, date: str, serial: str) -> bool:
    """A real date (day + 60 for a samordningsnummer) and a correct Luhn check digit."""
    return _is_birth_date(century, date) and _luhn_valid(date + serial)


def _is_birth_date(century: str | None, date: str) -> bool:
    """Without a century, a date valid in either the 1900s or the 2000s will do."""
    if century and century not in {"18", "19", "20"}:
        return False
    year, month, day = int(date[:2]), int(date[2:4]), int(date[4:])
    if day > 60:  # samordningsnummer
        day -= 60
    for hundreds in [int(century)] if century else [19, 20]:
        try:
            datetime.date(hundreds * 100 + year, month, day)
        except ValueError:
            continue
        return True
    return False


def _luhn_valid(digits: str) -> bool:
    """The Luhn check over the ten digits YYMMDDNNNC, as Skatteverket computes it."""
    total = 0
    for index, digit in enumerate(int(d) for d in digits):
        product = digit * (2 - index % 2)
        total += product // 10 + product % 10
    return total % 10 == 0


def _name_finder(names: Iterable[str]) -> Finder:
    """Whole words, any case, also in the genitive ("Annas", "Lars'", "Anna's")."""
    pattern = _name_regex(tuple(names))
    if pattern is None:
        return lambda text: iter(())
    return lambda text: _spans(pattern, text)


@functools.lru_cache(maxsize=64)
def _name_regex(names: tuple[str, ...]) -> re.Pattern | None:
    # An organisation's list may hold hundreds of names and every free-text answer is
    # screened with it: the expression is built once per list.
    alternatives = sorted({_name_pattern(name) for name in names if name.strip()}, key=len)
    if not alternatives:
        return None
    return re.compile(
        rf"(?<![^\W_])(?:{'|'.join(reversed(alternatives))})(?:['’]?s|['’])?(?![^\W_])",
        re.IGNORECASE,
    )


def _name_pattern(name: str) -> str:
    """A name of several words matches with any whitespace between them."""
    return r"\s+".join(re.escape(part) for part in name.split())


def parse_name_list(text: str) -> list[str]:
    """Names from a textarea: one a line or separated by commas; blanks and repeats dropped."""
    names: list[str] = []
    seen: set[str] = set()
    for raw in _NAME_SEPARATORS.split(text or ""):
        name = " ".join(raw.split())
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names
