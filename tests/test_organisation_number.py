"""The organisation number (organisationsnummer): NNNNNN-NNNN with its Luhn check digit, kept
once per organisation, edited on the organisation's page."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse

from organisations.models import Organisation
from organisations.validators import (
    luhn_check_digit,
    normalise_organisation_number,
    validate_organisation_number,
)


def _valid(first_nine: str) -> str:
    return f"{first_nine[:6]}-{first_nine[6:]}{luhn_check_digit(first_nine)}"


# Stockholm University's published number (an E-ARK example elsewhere) and numbers made here.
VALID = ["202100-3062", _valid("212000000"), _valid("802400001"), _valid("556000000")]


@pytest.mark.parametrize("number", VALID)
def test_valid_organisation_numbers_pass(number):
    validate_organisation_number(number)


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("202100-3063", "check_digit"),  # last digit changed
        ("202100-3602", "check_digit"),  # two digits swapped
        ("2021003062", "format"),  # stored with the hyphen (the form adds it)
        ("202100-306", "format"),
        ("20210O-3062", "format"),
        ("", "format"),
        # A personal identity number: its third digit (the month) is below 2.
        ("811218-9876", "third_digit"),
    ],
)
def test_invalid_organisation_numbers_are_refused_with_their_reason(number, code):
    with pytest.raises(ValidationError) as refused:
        validate_organisation_number(number)
    assert refused.value.code == code


def test_the_check_digit_is_luhn_over_the_first_nine_digits():
    assert luhn_check_digit("202100306") == 2
    assert normalise_organisation_number(" 2021003062 ") == "202100-3062"
    assert normalise_organisation_number("202100 - 3062") == "202100-3062"


def test_the_archive_code_is_the_number_and_the_scb_code_only_without_one(karlskoga):
    assert karlskoga.archive_identification_code == "SCB:1883"
    karlskoga.organisation_number = "202100-3062"
    assert karlskoga.archive_identification_code == "ORG:2021003062"
    karlskoga.scb_code = ""
    karlskoga.organisation_number = ""
    assert karlskoga.archive_identification_code == ""


def test_org_admin_sets_the_number_written_without_hyphen(client, org_admin, karlskoga):
    client.force_login(org_admin)
    response = client.post(
        reverse("organisations:edit", args=[karlskoga.pk]),
        {"name": "Karlskoga kommun", "organisation_number": "2021003062", "description": ""},
    )
    assert response.status_code == 302
    karlskoga.refresh_from_db()
    assert karlskoga.organisation_number == "202100-3062"


def test_a_wrong_check_digit_is_explained_on_the_form(client, org_admin, karlskoga):
    client.force_login(org_admin)
    response = client.post(
        reverse("organisations:edit", args=[karlskoga.pk]),
        {"name": "Karlskoga kommun", "organisation_number": "202100-3063", "description": ""},
    )
    assert response.status_code == 200
    assert "kontrollsiffra" in response.content.decode()
    karlskoga.refresh_from_db()
    assert karlskoga.organisation_number == ""


def test_two_organisations_cannot_share_a_number(client, org_admin, karlskoga, degerfors):
    Organisation.objects.filter(pk=degerfors.pk).update(organisation_number="202100-3062")
    client.force_login(org_admin)
    response = client.post(
        reverse("organisations:edit", args=[karlskoga.pk]),
        {"name": "Karlskoga kommun", "organisation_number": "202100-3062", "description": ""},
    )
    assert response.status_code == 200
    assert "En annan organisation" in response.content.decode()
    with pytest.raises(IntegrityError):
        Organisation.objects.filter(pk=karlskoga.pk).update(organisation_number="202100-3062")


def test_the_database_refuses_a_number_without_its_hyphen(karlskoga):
    with pytest.raises(IntegrityError):
        Organisation.objects.filter(pk=karlskoga.pk).update(organisation_number="2021003062")
