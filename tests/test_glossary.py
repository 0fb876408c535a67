"""One Swedish term per concept in the catalogue (docs/glossary.md, "Words on the page").

The list below is small on purpose: each entry is a variant a reader met and that a careful
editor would correct. Add to it when a review finds another; a failure names the msgid.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "sv" / "LC_MESSAGES" / "django.po"

# (pattern in a Swedish msgstr, why it is banned)
BANNED = [
    (r"\b[Ll]adda ner\b", "write “Ladda ned” (Språkrådet's form in official text)"),
    (r"“", "Swedish quotes are ” ”, not “ ”"),
    # Straight quotes around words; the API's literal If-Match value "*" is not a quotation.
    (r'"(?!\*")[^"]+"', "Swedish quotes are ” ”, not straight ones"),
    (r"^[Ll]änet$", "the county region is called by its name, or “Regionen”"),
    (r"\b[Ll]änet och riket\b", "the county region is called “regionen”"),
]

# (context, msgid, the only right msgstr): short English words with two Swedish senses.
SENSES = [
    ("share button", "Share", "Dela"),
    (None, "Share", "Andel"),
    (None, "Format", "Format"),
]


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(CATALOGUE))


def _texts(entry):
    return [entry.msgstr, *entry.msgstr_plural.values()]


@pytest.mark.parametrize(("pattern", "reason"), BANNED)
def test_the_catalogue_has_no_banned_variant(catalogue, pattern, reason):
    found = [
        entry.msgid
        for entry in catalogue
        if any(re.search(pattern, text) for text in _texts(entry))
    ]
    assert not found, f"{reason}: {found}"


@pytest.mark.parametrize(("context", "msgid", "msgstr"), SENSES)
def test_short_words_have_the_right_sense(catalogue, context, msgid, msgstr):
    entry = catalogue.find(msgid, msgctxt=context)
    assert entry is not None, (context, msgid)
    assert entry.msgstr == msgstr


def test_the_banned_list_catches_what_it_names():
    # The patterns themselves are tested, so that a typo does not silently pass everything.
    samples = ["Ladda ner listan", "“x”", 'Ett år som "2026"', "Länet", "bredvid länet och riket"]
    for (pattern, _reason), sample in zip(BANNED, samples, strict=True):
        assert re.search(pattern, sample), pattern
    assert not re.search(BANNED[2][0], 'If-Match är "*" eller ETaggar')
