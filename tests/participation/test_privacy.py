"""Small groups are hidden, and a lone hidden group cannot be recovered from the total."""

from django.utils import translation

from participation.privacy import (
    MIN_GROUP_SIZE,
    hidden_groups,
    suppress_small_groups,
    suppression_note,
)


def test_the_minimum_group_size_is_five():
    assert MIN_GROUP_SIZE == 5


def test_groups_of_five_or_more_are_shown_unchanged():
    counts = {"Flickor": 12, "Pojkar": 9, "Annat": 5}
    assert suppress_small_groups(counts) == counts
    assert suppression_note(counts) is None


def test_a_lone_small_group_also_hides_the_next_smallest():
    # Total 23 would give away "Annat" (23 − 12 − 9 = 2) if only it were hidden.
    counts = {"Flickor": 12, "Pojkar": 9, "Annat": 2}
    assert suppress_small_groups(counts) == {"Flickor": 12, "Pojkar": None, "Annat": None}


def test_two_small_groups_protect_each_other():
    counts = {"Åk 7": 14, "Åk 8": 3, "Åk 9": 4, "Gymnasiet": 20}
    assert suppress_small_groups(counts) == {
        "Åk 7": 14,
        "Åk 8": None,
        "Åk 9": None,
        "Gymnasiet": 20,
    }


def test_zero_is_a_small_group_too():
    counts = {"Ja": 30, "Nej": 8, "Vet inte": 0}
    assert suppress_small_groups(counts) == {"Ja": 30, "Nej": None, "Vet inte": None}


def test_ties_for_next_smallest_hide_the_first_in_order():
    counts = {"A": 7, "B": 7, "C": 1}
    assert suppress_small_groups(counts) == {"A": None, "B": 7, "C": None}


def test_order_of_the_groups_is_kept():
    counts = {"c": 1, "a": 10, "b": 20}
    assert list(suppress_small_groups(counts)) == ["c", "a", "b"]


def test_a_single_small_group_alone_is_hidden():
    assert suppress_small_groups({"Alla": 3}) == {"Alla": None}


def test_the_minimum_can_be_raised():
    counts = {"Flickor": 12, "Pojkar": 9, "Annat": 6}
    assert suppress_small_groups(counts, min_size=10) == {
        "Flickor": 12,
        "Pojkar": None,
        "Annat": None,
    }


def test_hidden_groups_tells_small_from_complementary():
    assert hidden_groups({"a": 12, "b": 9, "c": 2}) == ({"c"}, {"b"})


def test_the_note_explains_fewer_than_five():
    with translation.override("en"):
        note = suppression_note({"a": 12, "b": 3, "c": 1})
    assert note == "Groups with fewer than 5 respondents are not shown."


def test_the_note_explains_the_extra_hidden_group():
    with translation.override("en"):
        note = suppression_note({"a": 12, "b": 9, "c": 2})
    assert note.startswith("Groups with fewer than 5 respondents are not shown. One more group")


def test_the_note_reads_in_swedish():
    with translation.override("sv"):
        note = suppression_note({"a": 12, "b": 9, "c": 2})
    assert note.startswith("Grupper med färre än 5 svarande visas inte.")
