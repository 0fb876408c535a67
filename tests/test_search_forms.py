"""The Swedish search helpers in core.search: the definite endings Snowball keeps."""

from core.search import base, forms, search_filter, stems


def test_the_definite_endings_come_off():
    assert stems("nätverket skolan barnen") == ["nätverket", "skolan", "barn"]
    assert [base(word) for word in ("nätverket", "skolan", "barnen")] == ["nätverk", "skol", "barn"]
    assert base("nätverkets") == "nätverk"


def test_an_ending_only_comes_off_a_word_that_has_it():
    # "levnadsvanor" stems to "levnadsvan": its -an is no definite ending.
    assert base("levnadsvanor") == "levnadsvan"
    assert base("levnadsvanorna") == "levnadsvan"


def test_a_short_word_keeps_its_ending():
    assert base("bet") == "bet"
    assert base("plan") == "plan"


def test_a_word_is_asked_for_with_and_without_the_endings():
    assert forms("nätverket") == ["nätverk", "nätverket", "nätverkan"]
    assert forms("nätverk") == ["nätverk", "nätverket", "nätverkan"]


def test_the_substring_filter_asks_for_the_base():
    assert str(search_filter("Nätverket")) == str(search_filter("nätverk"))
