"""The Swedish organisation number (organisationsnummer): ten digits written NNNNNN-NNNN, the
last a Luhn check digit over the first nine, as Skatteverket assigns them to legal persons."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_FORMAT = re.compile(r"^(\d{6})-(\d{4})$")
_WRITTEN = re.compile(r"^(\d{6})-?(\d{4})$")


def luhn_check_digit(digits: str) -> int:
    """The check digit for `digits` (weights 2, 1, 2, … from the left, digit sums added)."""
    total = 0
    for position, digit in enumerate(digits):
        product = int(digit) * (2 if position % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def normalise_organisation_number(value: str) -> str:
    """NNNNNN-NNNN from a number written with or without the hyphen or spaces; other text as is."""
    compact = re.sub(r"\s", "", value or "")
    match = _WRITTEN.match(compact)
    return f"{match[1]}-{match[2]}" if match else compact


def validate_organisation_number(value: str) -> None:
    """Refuse what is not an organisation number: the form, the month-position digit (20 or more
    for a legal person, so no personal identity number passes) and the check digit."""
    match = _FORMAT.match(value or "")
    if not match:
        raise ValidationError(
            _("Write the organisation number as ten digits, NNNNNN-NNNN."), code="format"
        )
    digits = match[1] + match[2]
    if int(digits[2]) < 2:
        raise ValidationError(
            _("This is not an organisation number: its third digit is 2 or more."),
            code="third_digit",
        )
    if luhn_check_digit(digits[:9]) != int(digits[9]):
        raise ValidationError(
            _("The organisation number's check digit is wrong; check for a mistyped digit."),
            code="check_digit",
        )
