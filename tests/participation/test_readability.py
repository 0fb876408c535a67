"""LIX on real Swedish sentences; the counts in the comments were made by hand."""

import pytest
from django.utils import translation

from participation.readability import MAX_LIX_BY_AGE_BAND, assess, count, level, lix


def test_short_plain_sentences_are_very_easy():
    # Alla barn har rätt att säga vad de tycker. (9 words) Vuxna ska lyssna på barnen. (5)
    # 14 words, 2 sentences, no word over six letters ("tycker", "lyssna", "barnen" have six):
    # 14 / 2 + 100 × 0 / 14 = 7.0
    text = "Alla barn har rätt att säga vad de tycker. Vuxna ska lyssna på barnen."
    assert count(text).words == 14
    assert lix(text) == pytest.approx(7.0)


def test_official_language_is_difficult():
    # 12 words, 1 sentence; long: Kommunfullmäktige, beslutade, barnkonsekvensanalyser,
    # genomföras, samtliga = 5 ("beslut" has six letters): 12 + 100 × 5 / 12 = 53.67
    text = (
        "Kommunfullmäktige beslutade att barnkonsekvensanalyser ska genomföras inför "
        "samtliga beslut som berör barn."
    )
    assert lix(text) == pytest.approx(53.667, abs=0.01)
    with translation.override("en"):
        assert level(lix(text)) == "difficult"


def test_swedish_letters_belong_to_their_words():
    # Kommunen vill veta vad ungdomar tycker om kollektivtrafiken i stan. (10 words)
    # Dina svar hjälper politikerna att fatta bättre beslut. (8 words)
    # Long: Kommunen, ungdomar, kollektivtrafiken, hjälper (h-j-ä-l-p-e-r, seven), politikerna
    # = 5 of 18 words in 2 sentences: 9 + 100 × 5 / 18 = 36.78
    text = (
        "Kommunen vill veta vad ungdomar tycker om kollektivtrafiken i stan. "
        "Dina svar hjälper politikerna att fatta bättre beslut."
    )
    assert count(text).long_words == 5
    assert lix(text) == pytest.approx(36.78, abs=0.01)


def test_abbreviations_are_one_word_and_do_not_end_the_sentence():
    # Vi ses kl. 14.30 på fritids, t.ex. i matsalen.
    # 9 words (kl., 14.30 and t.ex. one each), 1 sentence; long: fritids, matsalen = 2
    # 9 / 1 + 100 × 2 / 9 = 31.22
    text = "Vi ses kl. 14.30 på fritids, t.ex. i matsalen."
    assert count(text).sentences == 1
    assert lix(text) == pytest.approx(31.22, abs=0.01)


def test_a_list_closing_abbreviation_before_a_capital_ends_the_sentence():
    # Vi köpte bröd, mjölk m.m. (5 words) Sedan gick vi hem. (4 words): 9 / 2 + 0 = 4.5
    text = "Vi köpte bröd, mjölk m.m. Sedan gick vi hem."
    assert count(text).sentences == 2
    assert lix(text) == pytest.approx(4.5)


def test_numbers_count_as_words_but_never_as_long_ones():
    # Det hände 2026 och 1234567 barn deltog. 7 words, 1 sentence, none long: 7.0
    assert lix("Det hände 2026 och 1234567 barn deltog.") == pytest.approx(7.0)
    # "3,5" is one word, its comma no break: Vi fick 3,5 timmar. 4 words: 4.0
    assert lix("Vi fick 3,5 timmar.") == pytest.approx(4.0)


def test_genitive_after_colon_stays_one_word():
    # FN:s barnkonvention gäller här. 4 words, 1 sentence; long: barnkonvention: 4 + 25 = 29
    assert lix("FN:s barnkonvention gäller här.") == pytest.approx(29.0)


def test_a_colon_ends_a_sentence_as_in_the_original_count():
    # Så här gör du: (4 words) skriv ditt svar. (3 words) 7 words, 2 sentences: 3.5
    assert lix("Så här gör du: skriv ditt svar.") == pytest.approx(3.5)


def test_a_heading_without_a_full_stop_is_its_own_sentence():
    # "Dina rättigheter" / "Du får säga vad du tycker." 8 words, 2 sentences, 1 long:
    # 8 / 2 + 100 × 1 / 8 = 16.5
    assert lix("Dina rättigheter\n\nDu får säga vad du tycker.") == pytest.approx(16.5)


def test_repeated_punctuation_ends_one_sentence():
    # Vad tycker du?! Säg det... 5 words, 2 sentences: 2.5
    assert count("Vad tycker du?! Säg det...").sentences == 2


@pytest.mark.parametrize("text", ["", "   ", "... !?", None])
def test_text_without_words_has_no_score(text):
    assert lix(text) is None


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (0, "very easy"),
        (24.9, "very easy"),
        (25, "easy"),
        (34.9, "easy"),
        (35, "medium"),
        (44.9, "medium"),
        (45, "difficult"),
        (54.9, "difficult"),
        (55, "very difficult"),
        (80, "very difficult"),
    ],
)
def test_levels_follow_the_conventional_bands(score, expected):
    with translation.override("en"):
        assert str(level(score)) == expected


def test_levels_read_in_swedish():
    with translation.override("sv"):
        assert str(level(10)) == "mycket lätt"
        assert str(level(40)) == "medelsvår"
        assert str(level(60)) == "mycket svår"


def test_younger_children_get_the_stricter_limit():
    assert MAX_LIX_BY_AGE_BAND == {"0-5": 30, "6-12": 30, "13-17": 40}
    text = (
        "Kommunen vill veta vad ungdomar tycker om kollektivtrafiken i stan. "
        "Dina svar hjälper politikerna att fatta bättre beslut."
    )  # LIX 36.78, see above
    for_children = assess(text, "6-12")
    for_teenagers = assess(text, "13-17")
    assert (for_children.limit, for_children.too_hard) == (30, True)
    assert (for_teenagers.limit, for_teenagers.too_hard) == (40, False)
    with translation.override("en"):
        assert str(for_teenagers.level) == "medium"


def test_easy_text_is_fine_for_the_youngest():
    result = assess("Alla barn har rätt att säga vad de tycker.", "0-5")
    # 9 words, 1 sentence, none long: 9.0
    assert result.score == pytest.approx(9.0)
    assert not result.too_hard


def test_empty_text_is_not_too_hard_and_has_no_level():
    result = assess("", "6-12")
    assert (result.score, result.level, result.limit, result.too_hard) == (None, None, 30, False)


def test_an_unknown_age_band_is_refused():
    with pytest.raises(ValueError, match="18-"):
        assess("Hej.", "18-")
