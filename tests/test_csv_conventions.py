"""One CSV convention per purpose (decision 0042), read back with the csv module: office lists
as Swedish Excel opens them (BOM, `;`, decimal comma, whole numbers without `.0`, ISO dates,
formulas in text guarded, numbers never); open data as RFC 4180 (also
tests/reports/test_open_data.py)."""

import csv
import datetime
import io
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from childbudget import services as budget_services
from childbudget.models import BudgetLine
from core.exports import as_csv, as_open_csv, office_cell, open_data_cell, plain_number
from tests.test_url_access import EXPECTATIONS

# Every list the staff download for a spreadsheet (reports:public_export is open data).
OFFICE_EXPORTS = [
    "assessments:case_list_export",
    "childbudget:budget_export",
    "childbudget:lines_export",
    "indicators:comparison_export",
    "networks:network_dashboard_export",
    "participation:results_export",
    "planning:childfriendly_export",
    "planning:plan_export",
    "planning:policy_export",
    "planning:selfassessment_export",
    "reports:report_preview_export",
    "training:coverage_export",
    "training:session_export",
]
DOT_DECIMAL = re.compile(r"^-?\d+\.\d+$")
FLOAT_ARTEFACT = re.compile(r"^-?\d+[.,]0$")


def office_rows(content: bytes) -> list[list[str]]:
    """An office CSV read as Swedish Excel would: UTF-8 after the BOM, `;` between fields."""
    assert content.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    text = content[3:].decode("utf-8")
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


@pytest.mark.parametrize(
    "value, office, open_data",
    [
        (1079250000.0, "1079250000", "1079250000"),
        (94.2, "94,2", "94.2"),
        (Decimal("1234567.50"), "1234567,5", "1234567.5"),
        (Decimal("250000.00"), "250000", "250000"),
        (-0.5, "-0,5", "-0.5"),  # a number: no formula guard
        (1e16, "10000000000000000", "10000000000000000"),  # never an exponent
        (3, "3", "3"),
        (None, "", ""),
        (datetime.date(2026, 5, 4), "2026-05-04", "2026-05-04"),
        ("=1+1", "'=1+1", "=1+1"),  # text: guarded for the office, as it is for programs
        ("-0.5", "'-0.5", "-0.5"),
        ("Barn- och utbildningsnämnden", "Barn- och utbildningsnämnden", None),
    ],
)
def test_cells_follow_the_convention_of_their_purpose(value, office, open_data):
    assert office_cell(value) == office
    assert open_data_cell(value) == (value if open_data is None else open_data)


def test_a_moment_is_local_iso_for_the_office_and_with_its_offset_for_programs(settings):
    settings.TIME_ZONE = "Europe/Stockholm"
    moment = datetime.datetime(2026, 12, 7, 14, 30, 5, tzinfo=ZoneInfo("UTC"))
    assert office_cell(moment) == "2026-12-07 15:30:05"
    assert open_data_cell(moment) == "2026-12-07T15:30:05+01:00"


def test_plain_numbers_round_trip_without_artefacts():
    for value in (0.1, 72.7, 1079250000.0, 2 / 3, Decimal("0.05")):
        assert float(plain_number(value)) == float(value)
        assert not FLOAT_ARTEFACT.match(plain_number(value))


def test_the_two_writers_differ_only_as_their_readers_need():
    columns, rows = ["namn", "värde"], [["Karlskoga; Degerfors", 94.2], ['Säg "hej"', None]]
    office = as_csv(columns, rows).encode("utf-8")
    assert office_rows(office) == [
        ["namn", "värde"],
        ["Karlskoga; Degerfors", "94,2"],
        ['Säg "hej"', ""],
    ]
    data = as_open_csv(columns, rows)
    assert not data.startswith(b"\xef\xbb\xbf")
    assert data == b'namn,v\xc3\xa4rde\r\nKarlskoga; Degerfors,94.2\r\n"S\xc3\xa4g ""hej""",\r\n'


@pytest.mark.django_db
def test_the_child_budget_opens_in_swedish_excel_with_numbers_as_numbers(
    coordinator_client, karlskoga, coordinator, social_committee
):
    budget = budget_services.create_budget(
        karlskoga,
        by=coordinator,
        body=social_committee,
        year=2026,
        total_budget=Decimal("1079250000"),
        method="estimate",
        children_amount=Decimal("1016653500"),
    )
    BudgetLine.objects.create(
        organisation=karlskoga,
        budget=budget,
        account="4010",
        text="-Avgår: intäkter",
        amount=Decimal("-1234567.50"),
        position=1,
    )
    response = coordinator_client.get(reverse("childbudget:budget_export", args=["csv"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    _header, row = office_rows(response.content)
    assert row[:6] == [
        "2026",
        "Karlskoga kommun",
        "Socialnämnden",
        "1079250000",
        "1016653500",
        "94,2",
    ]

    lines = coordinator_client.get(reverse("childbudget:lines_export", args=[budget.pk, "csv"]))
    _header, line = office_rows(lines.content)
    # The text that starts like a formula is guarded; the negative amount is not.
    assert line[1:4] == ["4010", "'-Avgår: intäkter", "-1234567,5"]


@pytest.mark.parametrize("name", OFFICE_EXPORTS)
def test_every_office_list_is_swedish_excel_csv(url_world, db, client, name):
    client.force_login(url_world.users["coordinator"])
    kwargs = dict(url_world.kwargs[EXPECTATIONS[name][0]])
    if "fmt" in kwargs:
        kwargs["fmt"] = "csv"
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = office_rows(response.content)
    assert len(rows[0]) > 1, "one column: the separator is not Excel's"
    for row in rows[1:]:
        assert len(row) == len(rows[0])
        for cell in row:
            assert not DOT_DECIMAL.match(cell), f"{name}: {cell!r} has a decimal point"
            assert not FLOAT_ARTEFACT.match(cell), f"{name}: {cell!r} is a float artefact"
            assert not re.match(r"^'-?\d", cell), f"{name}: a number {cell!r} was guarded"
