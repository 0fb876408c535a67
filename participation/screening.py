"""Screening of children's free-text answers before anyone but the dialogue leader reads them.

Personal identity numbers, phone numbers, e-mail addresses, street addresses and names are
replaced by a mask such as "[personnummer]", and the answer is flagged, which holds it for the
dialogue leader's moderation. Detection errs towards masking: hiding a harmless word costs less
than showing a child's personal number, but ordinary numbers (years, prices, class codes, times)
are left alone.

The text is matched in a normalised form (decision 0032): NFKC (full-width digits and "＠"),
every kind of dash and space folded to "-" and " ", invisible format characters dropped. The
masks are put into the text as the child wrote it, so what others read is not rewritten.
"""

import bisect
import datetime
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

# Stable reason codes, in reporting order (earlier detectors win where matches overlap).
PERSONAL_NUMBER = "personal_number"
# Date-shaped like a personnummer but with a wrong check digit: a typo is still a child's number.
POSSIBLE_PERSONAL_NUMBER = "possible_personal_number"
PHONE = "phone"
EMAIL = "email"
ADDRESS = "address"
NAME = "name"

FIRST_NAMES_FILE = Path(__file__).resolve().parent / "data" / "first_names_sv.txt"

# Between two digits: up to three spaces, or a dash, dot or slash with spaces around it.
_S = r"(?:\ {0,3}[-./]\ {0,3}|\ {1,3})?"
_PERSONAL_NUMBER = re.compile(
    rf"(?<![\w+])(?:(?P<century>\d{_S}\d){_S})?(?P<date>\d(?:{_S}\d){{5}})(?:{_S}|\+)"
    rf"(?P<serial>\d(?:{_S}\d){{3}})(?!\d)"
)
# Seven to nine digits after the leading 0 or the country code, as Swedish numbers have.
_PHONE = re.compile(
    rf"""(?<![\w+])
    (?:
        (?:\+|00)?46{_S}(?:\(0\){_S}|0{_S})?[1-9](?:{_S}\d){{6,8}}  # +46 70 …, 0046 8 …, 4670…
      | 0{_S}[1-9](?:{_S}\d){{6,8}}                               # 070-…, 08-…, 0586-…
      | \(0[1-9]\d{{0,2}}\){_S}\d(?:{_S}\d){{4,7}}                # (08) 123 45 67
    )
    (?!\d)""",
    re.VERBOSE,
)
# "01-02-2026" and "08.15-16.30 - 18.00" have the shape of a phone number but are a date and a time.
_DATE = re.compile(r"\d{1,2} ?[-./] ?\d{1,2} ?[-./] ?\d{2,4}")
_TIMES = re.compile(r"\d{1,2}[.:]\d{2} ?- ?\d")
_DIGIT_NEARBY_BEFORE = re.compile(r"[\d+][ ./-]{0,3}$")
_DIGIT_NEARBY_AFTER = re.compile(r"[ ./-]{0,3}\d")

_AT = r"(?:\s*@\s*|\s*[(\[{<]\s*(?:at|snabel-?a|@)\s*[)\]}>]\s*|\s+snabel-?a\s+)"
# A full stop with a space after it ends a sentence unless a lowercase label follows.
_DOT = (
    r"(?:\s*\.(?=\w)|\s*\.\s+(?-i:(?=[a-z0-9]))"
    r"|\s*[(\[{<]\s*(?:dot|punkt)\s*[)\]}>]\s*|\s+(?:dot|punkt)\s+)"
)
_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
# "anna@gmail.com", "anna (at) gmail (dot) com", "anna @ gmail . com", "anna@gmail" (no
# top-level domain), and "anna at gmail punkt com", where the bare word needs a dot after it.
_EMAIL = re.compile(
    rf"(?<![\w.+-])[\w.+-]*\w(?:{_AT}{_LABEL}(?:{_DOT}{_LABEL})*|\s+at\s+{_LABEL}(?:{_DOT}{_LABEL})+)",
    re.IGNORECASE,
)
_STREET_WORD = (
    r"[A-ZÅÄÖÉa-zåäöé][a-zåäöé]+(?:gatan|vägen|gränd|gränden|stigen|backen|torget|allén|leden"
    r"|slingan|stråket|kajen|esplanaden|promenaden|gata|väg)"
    r"|(?:[A-ZÅÄÖÉ][a-zåäöé]+\ )?[A-ZÅÄÖÉ][a-zåäöé]+s?\ (?:gata|väg|gränd|allé|torg|stig|backe)"
)
_POSTCODE = r"[1-9]\d{2}\ ?\d{2}\ +[A-ZÅÄÖ][a-zåäö]+(?:[- ][A-ZÅÄÖ][a-zåäö]+)?"
# A number of minutes or times after a path is not a house number ("pulkabacken 2 gånger").
_NOT_HOUSE = (
    r"(?!\ *(?:gånger|gång|min|minuter|timmar|tim|km|meter|m|st|år|dagar|kr|kronor|%|procent"
    r"|grader)\b)"
)
_ADDRESS = re.compile(
    rf"""(?<![\w])
    (?:
        (?:{_STREET_WORD})\ +\d{{1,3}}(?:\ ?[A-Ha-h](?![\w]))?(?![\d]|[:.,]\d){_NOT_HOUSE}
        (?:,?\ *(?:lgh|lägenhet)\.?\ *\d{{1,4}})?
        (?:,?\ *{_POSTCODE})?
      | (?<!\d)(?<![\d][ ]){_POSTCODE}
    )
    (?![\w])""",
    re.VERBOSE,
)
_NAME_SEPARATORS = re.compile(r"[\n,;]+")


@dataclass(frozen=True)
class ScreeningResult:
    """The text as others may see it, and why it was flagged for the dialogue leader."""

    masked_text: str
    flagged: bool
    reasons: list[str] = field(default_factory=list)


def screen(text: str, names: Iterable[str] = ()) -> ScreeningResult:
    """Mask personal numbers, phone numbers, e-mail and street addresses, names in `text`."""
    text = text or ""
    folded, origin = normalise(text)
    taken: list[tuple[int, int, str]] = []  # sorted and never overlapping
    for code, finder in _detectors(names):
        for start, end, *found in finder(folded):
            index = bisect.bisect(taken, (start,))
            if (index == 0 or taken[index - 1][1] <= start) and (
                index == len(taken) or taken[index][0] >= end
            ):
                taken.insert(index, (start, end, found[0] if found else code))
    if not taken:  # most answers: no translation looked up, nothing copied
        return ScreeningResult(masked_text=text, flagged=False, reasons=[])
    masks = _masks()
    pieces, position = [], 0
    for start, end, code in taken:
        if origin is not None:
            start, end = origin[start], origin[end - 1] + 1
        pieces += [text[position:start], masks[code]]
        position = end
    pieces.append(text[position:])
    reasons = [code for code in masks if any(code == c for _s, _e, c in taken)]
    return ScreeningResult(masked_text="".join(pieces), flagged=bool(reasons), reasons=reasons)


def normalise(text: str) -> tuple[str, list[int] | None]:
    """The text folded for matching, and for each of its characters the index it came from in
    `text` (None when nothing changed, the usual case)."""
    if _UNCHANGED_BY_FOLDING.fullmatch(text):
        return text, None
    pieces, origin = [], []
    for index, character in enumerate(text):
        folded = _fold(character)
        pieces.append(folded)
        origin += [index] * len(folded)
    return "".join(pieces), origin


# ASCII but the tab, and Latin-1's letters (å, ä, ö, é …): NFKC leaves them, none is a dash or a
# space. Most answers are made of nothing else and are not copied.
_UNCHANGED_BY_FOLDING = re.compile(r"[\n\r\x20-\x7e\xc0-\xff]*")


@functools.lru_cache(maxsize=4096)
def _fold(character: str) -> str:
    category = unicodedata.category(character)
    if category == "Pd" or character == "\u2212":  # every dash, and the minus sign
        return "-"
    if category == "Zs" or character == "\t":  # every space: no-break, thin, ideographic …
        return " "
    if category == "Cf":  # zero-width spaces and joiners, soft hyphen, direction marks
        return ""
    if category == "Nd":  # any script's digits
        return str(unicodedata.decimal(character))
    return unicodedata.normalize("NFKC", character)


def _masks() -> dict[str, str]:
    """The masks in the active language, keyed by reason code in reporting order."""
    return {
        PERSONAL_NUMBER: _("[personal number]"),
        POSSIBLE_PERSONAL_NUMBER: _("[personal number]"),
        PHONE: _("[phone number]"),
        EMAIL: _("[e-mail]"),
        ADDRESS: _("[address]"),
        NAME: _("[name]"),
    }


def reason_words(reasons: Iterable[str]) -> list[str]:
    """Why a text was flagged, in words for the dialogue leader."""
    words = {
        PERSONAL_NUMBER: _("a personal identity number"),
        POSSIBLE_PERSONAL_NUMBER: _(
            "what may be a personal identity number with a wrong check digit"
        ),
        PHONE: _("a phone number"),
        EMAIL: _("an e-mail address"),
        ADDRESS: _("a street address or postcode"),
        NAME: _("a name (on the organisation's list, or a common first name and a surname)"),
    }
    return [words.get(reason, reason) for reason in reasons]


Finder = Callable[[str], Iterator[tuple]]


def _detectors(names: Iterable[str]) -> list[tuple[str, Finder]]:
    """E-mail first, so that a name or number inside an address is masked with the address;
    personal numbers before phone numbers, so that a valid one is never called a phone number."""
    return [
        (EMAIL, email_spans),
        (PERSONAL_NUMBER, personal_number_spans),
        (PHONE, phone_spans),
        (ADDRESS, address_spans),
        (NAME, _name_finder(names)),
        (NAME, full_name_spans),
    ]


def _spans(pattern: re.Pattern, text: str) -> Iterator[tuple[int, int]]:
    return (match.span() for match in pattern.finditer(text))


# Cheap tests first: most answers hold no "@" or "at", and fewer digits than any number here.
_EMAIL_HINT = re.compile(r"@|\b(?:at|snabel)\b", re.IGNORECASE)
_NOT_DIGITS = re.compile(r"\D+")


def _digit_count(text: str) -> int:
    return len(_NOT_DIGITS.sub("", text))


def email_spans(text: str) -> Iterator[tuple[int, int]]:
    return _spans(_EMAIL, text) if _EMAIL_HINT.search(text) else iter(())


def address_spans(text: str) -> Iterator[tuple[int, int]]:
    return _spans(_ADDRESS, text) if _digit_count(text) else iter(())


def phone_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where normalised `text` holds a Swedish phone number, mobile or landline, national or
    with the country code."""
    if _digit_count(text) < 8:
        return
    for match in _PHONE.finditer(text):
        if not (_DATE.fullmatch(match[0]) or _TIMES.match(match[0])):
            yield match.span()


def personal_number_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Where normalised `text` holds a personnummer or samordningsnummer: a valid one, or one
    with a real date and a wrong check digit (reported as POSSIBLE_PERSONAL_NUMBER)."""
    if _digit_count(text) < 10:
        return
    for match in _PERSONAL_NUMBER.finditer(text):
        century = _digits(match["century"]) or None
        date, serial = _digits(match["date"]), _digits(match["serial"])
        if not _is_birth_date(century, date):
            continue
        if _luhn_valid(date + serial):
            yield (*match.span(), PERSONAL_NUMBER)
        elif century is None and date.startswith("0"):
            continue  # ten digits from 0 with a wrong check digit: a phone number
        elif _isolated(text, *match.span()):
            yield (*match.span(), POSSIBLE_PERSONAL_NUMBER)


def _digits(text: str | None) -> str:
    return "".join(c for c in text or "" if c.isdigit())


def _isolated(text: str, start: int, end: int) -> bool:
    """Not a piece of a longer run of digits (an account or a phone number with +46)."""
    return not (
        _DIGIT_NEARBY_BEFORE.search(text, max(0, start - 4), start)
        or _DIGIT_NEARBY_AFTER.match(text, end)
    )


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


_CAPITALISED = r"[A-ZÅÄÖÉÜ][a-zåäöéüø]+"
_CAPITALISED_WORD = re.compile(rf"(?<![\w-]){_CAPITALISED}")


def full_name_spans(text: str) -> Iterator[tuple[int, int]]:
    """A common Swedish first name followed by a capitalised word: "Anna Svensson". Each
    capitalised word is looked up in the list (a set), and only a name is matched further."""
    first_names, full_name = _first_names(), _full_name_regex()
    position = 0
    for word in _CAPITALISED_WORD.finditer(text):
        if word.start() < position or word[0] not in first_names:
            continue
        if match := full_name.match(text, word.start()):
            position = match.end()
            yield match.span()


@functools.lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    lines = FIRST_NAMES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and line[0] != "#")


@functools.lru_cache(maxsize=1)
def _full_name_regex() -> re.Pattern:
    return re.compile(
        rf"{_CAPITALISED}(?:-{_CAPITALISED})?\ +(?!{_CAPITALISED_WORDS}(?![\w]))"
        rf"{_CAPITALISED}(?:-{_CAPITALISED})?(?![\w])"
    )


# Everyday words a child may capitalise after a name ("Emma Och jag"): not a surname.
_CAPITALISED_WORDS = (
    "(?:Och|Att|Som|Men|Eller|Med|Till|På|Jag|Du|Vi|De|Han|Hon|Det|Den|Är|Var|Har|Hade"
    "|Sa|Sade|Kom|Ska|Kan|Vill|Tycker|Gick|Går|Får|Fick|Inte|Också|Bara|Alltid|Aldrig)"
)


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
