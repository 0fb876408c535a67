"""Screening children's free text: what is masked, and what ordinary text is left alone."""

import pytest
from django.utils import translation

from participation.screening import is_personal_number, parse_name_list, screen


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


# 811228-9874 and 850709-9805 pass the Luhn check; 700161-4986 is a samordningsnummer
# (day 01 + 60) with a correct check digit.
@pytest.mark.parametrize(
    "number",
    [
        "811228-9874",
        "8112289874",
        "19811228-9874",
        "198112289874",
        "121212+1212",
        "850709–9805",
        "700161-4986",
        "20000229-1235",
    ],
)
def test_personal_numbers_in_every_written_form_are_masked(number):
    result = screen(f"Jag heter inte det men mitt nummer är {number}.")
    assert result.masked_text == "Jag heter inte det men mitt nummer är [personal number]."
    assert result.reasons == ["personal_number"]
    assert result.flagged


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("811328-9873", "month 13, though the check digit is right"),
        ("811232-9878", "day 32, though the check digit is right"),
        ("19010229-1234", "no 29 February in 1901"),
        ("17811228-9874", "century 17"),
        ("1234567890", "an ordinary 10-digit number"),
    ],
)
def test_numbers_that_are_not_personal_numbers_are_left_alone(text, why):
    assert screen(text).masked_text == text, why


@pytest.mark.parametrize("number", ["8112289875", "811228-9870", "19811228 9871", "700161-4987"])
def test_a_personal_number_with_a_wrong_check_digit_is_masked_and_held(number):
    # A typo in the last digit still identifies the child: masked, and flagged so that the
    # answer waits for moderation instead of being shown.
    result = screen(f"Mitt nummer är {number} typ")
    assert result.masked_text == "Mitt nummer är [personal number] typ"
    assert result.reasons == ["possible_personal_number"]
    assert result.flagged


def test_the_check_digit_and_the_date_are_both_needed():
    assert is_personal_number(None, "811228", "9874")
    assert not is_personal_number(None, "811228", "9870")
    assert is_personal_number("20", "000229", "1235")  # 2000 was a leap year
    assert not is_personal_number("19", "000229", "1235")  # 1900 was not
    assert not is_personal_number(None, "010229", "1234")  # neither were 1901 and 2001


@pytest.mark.parametrize(
    "phone",
    [
        "070-123 45 67",
        "0701234567",
        "070 123 45 67",
        "073-1234567",
        "+46 70 123 45 67",
        "+46701234567",
        "+46 (0)70-123 45 67",
        "0046 8 123 456 78",
        "08-123 456 78",
        "08-12345678",
        "0586-123 45",
        "019-12 34 56",
        "(08) 123 45 67",
    ],
)
def test_swedish_phone_numbers_are_masked(phone):
    result = screen(f"Ring {phone} efter skolan")
    assert result.masked_text == "Ring [phone number] efter skolan"
    assert result.reasons == ["phone"]


@pytest.mark.parametrize(
    "text",
    [
        "Det var bättre år 2026 än 2025.",
        "Ett busskort kostar 1 200 kr om året.",
        "Vi i klass 7B och 9C vill ha fler bänkar.",
        "Skolan öppnar 08:15 och slutar 15.30.",
        "Mötet är 2026-03-14 och nästa 01-02-2027.",
        "Det bor 27 500 personer i kommunen och 3 000 barn.",
        "Svara 1, 2 eller 3.",
    ],
)
def test_ordinary_numbers_are_not_masked(text):
    result = screen(text)
    assert result.masked_text == text
    assert not result.flagged
    assert result.reasons == []


def test_email_addresses_are_masked_without_the_full_stop_after_them():
    result = screen("Skriv till anna.berg+skola@elev.karlskoga.se. Eller till mig.")
    assert result.masked_text == "Skriv till [e-mail]. Eller till mig."
    assert result.reasons == ["email"]


def test_a_name_inside_an_email_address_is_masked_as_the_address():
    result = screen("Maila anna@example.se", names=["Anna"])
    assert result.masked_text == "Maila [e-mail]"
    assert result.reasons == ["email"]


def test_listed_names_are_masked_whole_word_in_any_case_and_in_the_genitive():
    text = "Anna och ANNA retas. Annas kompis och Lars' cykel. Annakatten och Susanna får vara."
    result = screen(text, names=["anna", "Lars"])
    assert result.masked_text == (
        "[name] och [name] retas. [name] kompis och [name] cykel. Annakatten och Susanna får vara."
    )
    assert result.reasons == ["name"]


def test_names_with_swedish_letters_and_several_words():
    result = screen(
        "Åsa, Örjan och Anna  Karin Öberg sa nej.", names=["åsa", "örjan", "Anna Karin"]
    )
    assert result.masked_text == "[name], [name] och [name] Öberg sa nej."


def test_the_longer_of_two_listed_names_wins():
    result = screen("Anna-Karin kom.", names=["Anna", "Anna-Karin"])
    assert result.masked_text == "[name] kom."


def test_without_names_nothing_is_masked_as_a_name():
    assert screen("Anna sa hej", names=["", "  "]).masked_text == "Anna sa hej"


def test_every_reason_is_reported_once_in_a_stable_order():
    text = "Jag är Kim, 811228-9874, kim@example.se, 070-123 45 67, och Kims syster."
    result = screen(text, names=["Kim"])
    assert result.masked_text == (
        "Jag är [name], [personal number], [e-mail], [phone number], och [name] syster."
    )
    assert result.reasons == ["personal_number", "phone", "email", "name"]


def test_a_number_that_is_both_a_mobile_and_a_personal_number_is_masked():
    # 0701234569: 23 January 2007 with a correct check digit, and a mobile number.
    result = screen("0701234569")
    assert result.masked_text == "[personal number]"


def test_empty_text_is_not_flagged():
    assert screen("") == screen(None)
    assert screen("").masked_text == ""
    assert not screen("").flagged


def test_masks_are_swedish_in_a_swedish_interface():
    with translation.override("sv"):
        result = screen("Ola: 811228-9874, 070-123 45 67, ola@example.se", names=["Ola"])
    assert result.masked_text == "[namn]: [personnummer], [telefon], [e-post]"


def test_name_list_from_lines_and_commas_without_blanks_or_repeats():
    text = "Anna\n  Lars ,Åsa;\n\nanna, Anna  Karin \r\nÖrjan"
    assert parse_name_list(text) == ["Anna", "Lars", "Åsa", "Anna Karin", "Örjan"]


def test_an_empty_name_list():
    assert parse_name_list("") == []
    assert parse_name_list(" ,\n ;") == []
