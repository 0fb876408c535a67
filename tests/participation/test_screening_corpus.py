"""Screening against how children really write personal data (issue 23): a corpus of variants
generated from patterns plus a hand list (tests/security/personal_data.py), and a corpus of
ordinary answers that must pass untouched."""

import pytest
from django.utils import translation

from participation import services
from participation.models import Answer
from participation.screening import normalise, screen
from tests.security.personal_data import ORDINARY_ANSWERS, variants

from .conftest import answers_for

MASKS = {
    # A phone number that is also a valid personal number is masked as the personal number.
    "phone": {"[phone number]", "[personal number]"},
    "personal_number": {"[personal number]"},
    "email": {"[e-mail]"},
    "address": {"[address]"},
    "name": {"[name]"},
}
KINDS = variants()


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def missed(kind: str) -> list[tuple[str, str]]:
    """The variants not masked exactly: the variant replaced by its mask, the rest as written."""
    found = []
    for sentence, value in KINDS[kind]:
        masked = screen(sentence).masked_text
        if not any(sentence.replace(value, mask) == masked for mask in MASKS[kind]):
            found.append((sentence, masked))
    return found


def test_the_corpus_is_large_enough():
    assert sum(len(found) for found in KINDS.values()) >= 300
    assert all(len(KINDS[kind]) >= 100 for kind in ("phone", "personal_number", "email"))
    assert len(ORDINARY_ANSWERS) >= 100


@pytest.mark.parametrize("kind", ["phone", "personal_number", "email"])
def test_at_least_99_percent_of_the_variants_are_masked(kind):
    misses = missed(kind)
    assert len(misses) <= len(KINDS[kind]) // 100, misses[:10]


@pytest.mark.parametrize("kind", ["address", "name"])
def test_addresses_and_full_names_from_the_hand_list_are_masked(kind):
    assert missed(kind) == []


def test_at_most_2_percent_of_ordinary_answers_are_flagged():
    results = [screen(text) for text in ORDINARY_ANSWERS]
    flagged = [result.masked_text for result in results if result.flagged]
    assert len(flagged) <= len(ORDINARY_ANSWERS) * 2 // 100, flagged


def test_a_valid_personal_number_is_never_called_a_phone_number():
    for sentence, _value in KINDS["personal_number"]:
        assert "phone" not in screen(sentence).reasons, sentence


def test_normalising_keeps_the_childs_own_characters_outside_the_masks():
    text = "Ring\u00a0０７０\u2013１２３ ４５ ６７ – tack\u200b!"
    assert normalise(text)[0] == "Ring 070-123 45 67 - tack!"
    assert screen(text).masked_text == "Ring\u00a0[phone number] – tack\u200b!"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Mitt nummer är 811228 9870", "possible_personal_number"),
        ("Bor på Storgatan 12, 691 31 Karlskoga", "address"),
        ("Min kompis heter Erik Johansson", "name"),
        ("maila anna at gmail punkt com", "email"),
    ],
)
def test_an_answer_with_personal_data_waits_for_moderation(consultation, text, reason):
    question = consultation.questions.get(kind="text")
    response, _created = services.submit_response(
        consultation,
        submission_key="corpus",
        age_band="6-12",
        answers={**answers_for(consultation), question.pk: text},
    )
    answer = response.answers.get(question=question)
    assert answer.moderation == Answer.Moderation.PENDING
    assert not answer.shown_to_others
    assert answer.screening_reasons == [reason]
