"""The budget-line import: formats, row-level errors in Swedish, nothing half-written,
idempotence and the summary."""

from decimal import Decimal

import pytest

from childbudget import imports
from childbudget.models import BudgetLine, ChildBudget
from core.models import AuditEntry

from .conftest import GOOD_CSV, csv_file, xlsx_file


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1 234 567,50", Decimal("1234567.50")),
        ("-1234", Decimal("-1234")),
        ("1\u00a0234,5", Decimal("1234.5")),
        ("\u22125 000", Decimal("-5000")),
        ("1.234.567,50", Decimal("1234567.50")),
        ("1234.50", Decimal("1234.50")),
        (1500.25, Decimal("1500.25")),
        (42, Decimal("42.00")),
        ("tolv", None),
        ("", None),
        ("1,2,3", None),
        ("=1+1", None),
        (True, None),
    ],
)
def test_amounts_are_read_as_a_finance_system_writes_them(text, expected):
    assert imports.parse_amount(text) == expected


def run(organisation, uploaded, bodies, by, year=2026):
    rows = imports.parse_rows(imports.read_table(uploaded), bodies)
    return imports.import_lines(organisation, year, rows, by=by, file_name=uploaded.name)


def test_a_csv_file_creates_budgets_and_lines(karlskoga, coordinator, bodies):
    summary = run(karlskoga, csv_file(GOOD_CSV), bodies, coordinator)
    assert (summary.created, summary.budgets_created) == (3, 2)
    social = ChildBudget.objects.get(body__name="Socialnämnden", year=2026)
    assert [(line.account, line.amount) for line in social.lines.all()] == [
        ("4010", Decimal("1234567.50")),
        ("4020", Decimal("-1234.00")),
    ]
    assert AuditEntry.objects.for_object(social).filter(note__contains="budget.csv").exists()


def test_importing_the_same_file_again_changes_nothing(karlskoga, coordinator, bodies):
    run(karlskoga, csv_file(GOOD_CSV), bodies, coordinator)
    line = BudgetLine.objects.get(account="4010")
    line.for_children = True
    line.save()
    entries, ids = AuditEntry.objects.count(), set(BudgetLine.objects.values_list("pk", flat=True))
    summary = run(karlskoga, csv_file(GOOD_CSV), bodies, coordinator)
    assert summary.nothing_changed and summary.unchanged == 3
    assert AuditEntry.objects.count() == entries
    assert set(BudgetLine.objects.values_list("pk", flat=True)) == ids
    assert BudgetLine.objects.get(account="4010").for_children  # the mark is kept


def test_a_new_version_changes_amounts_removes_lines_and_keeps_marks(
    karlskoga, coordinator, bodies
):
    run(karlskoga, csv_file(GOOD_CSV), bodies, coordinator)
    BudgetLine.objects.filter(account="4010").update(for_children=True)
    new = "Nämnd;Konto;Text;Belopp\nSocialnämnden;4010;Barn och familj;2 000 000\n"
    summary = run(karlskoga, csv_file(new), bodies, coordinator)
    assert (summary.changed, summary.removed, summary.created) == (1, 1, 0)
    line = BudgetLine.objects.get(budget__body__name="Socialnämnden")
    assert (line.amount, line.for_children) == (Decimal("2000000.00"), True)
    # The joint committee was not in the file: its lines stay.
    assert BudgetLine.objects.filter(budget__body__name="Folkhälsonämnden").count() == 1


def test_repeated_account_and_text_are_told_apart(karlskoga, coordinator, bodies):
    text = "Nämnd;Konto;Text;Belopp\nSocialnämnden;4010;Lön;100\nSocialnämnden;4010;Lön;100\n"
    run(karlskoga, csv_file(text), bodies, coordinator)
    assert BudgetLine.objects.count() == 2
    assert run(karlskoga, csv_file(text), bodies, coordinator).nothing_changed


def test_an_xlsx_file_with_number_cells_is_read(karlskoga, coordinator, bodies):
    rows = [("Belopp", "Konto", "Nämnd", "Text"), (1500.5, 4010, "socialnämnden", "Barn")]
    run(karlskoga, xlsx_file(rows), bodies, coordinator)
    line = BudgetLine.objects.get()
    assert (line.account, line.amount) == ("4010", Decimal("1500.50"))


def test_comma_separated_and_windows_encoded_files_are_read(karlskoga, coordinator, bodies):
    text = 'body,account,text,amount\nSocialnämnden,4010,Öppen förskola,"1 234,50"\n'
    run(karlskoga, csv_file(text, encoding="cp1252"), bodies, coordinator)
    assert BudgetLine.objects.get().text == "Öppen förskola"


def errors_for(uploaded, bodies):
    with pytest.raises(imports.ImportErrors) as error:
        imports.parse_rows(imports.read_table(uploaded), bodies)
    return error.value.errors


def test_wrong_columns_are_named(bodies):
    errors = errors_for(csv_file("Namn;Summa\nx;1\n"), bodies)
    assert errors == [
        "Rad 1: kolumnerna ska vara Nämnd, Konto, Text och Belopp (hittade: Namn, Summa)."
    ]


def test_every_bad_row_is_reported_with_its_line_number_and_nothing_is_written(
    karlskoga, coordinator, bodies
):
    text = (
        "Nämnd;Konto;Text;Belopp\n"
        "Socialnämnden;4010;Bra rad;100\n"
        "Miljönämnden;4020;Okänd nämnd;200\n"
        "Socialnämnden;4030;Inte ett tal;tolv\n"
        "\n"
        ";;;\n"
        "Socialnämnden;;Saknar konto;5\n"
    )
    errors = errors_for(csv_file(text), bodies)
    assert errors == [
        "Rad 3: okänd nämnd ”Miljönämnden”.",
        "Rad 4: beloppet ”tolv” är inte ett tal.",
        "Rad 7: kontot saknas.",
    ]
    assert not BudgetLine.objects.exists() and not ChildBudget.objects.exists()


def test_an_error_in_the_writing_leaves_nothing_half_written(
    karlskoga, coordinator, bodies, monkeypatch
):
    rows = imports.parse_rows(imports.read_table(csv_file(GOOD_CSV)), bodies)

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    # The first body (Folkhälsonämnden) is written before the second one fails.
    calls = []
    original = imports._sync_lines

    def second_fails(budget, *args, **kwargs):
        calls.append(budget)
        if len(calls) == 2:
            fail()
        return original(budget, *args, **kwargs)

    monkeypatch.setattr(imports, "_sync_lines", second_fails)
    with pytest.raises(RuntimeError):
        imports.import_lines(karlskoga, 2026, rows, by=coordinator)
    assert not BudgetLine.objects.exists() and not ChildBudget.objects.exists()


def test_an_empty_file_is_refused(bodies):
    assert errors_for(csv_file(""), bodies) == ["Filen är tom."]
    assert errors_for(csv_file("Nämnd;Konto;Text;Belopp\n"), bodies) == [
        "Filen innehåller inga budgetrader."
    ]


def test_an_oversized_file_is_refused_before_reading(bodies, monkeypatch):
    monkeypatch.setattr(imports, "MAX_IMPORT_BYTES", 100)
    errors = errors_for(csv_file(GOOD_CSV * 3), bodies)
    assert errors[0].startswith("Filen är för stor")


def test_a_file_that_is_neither_csv_nor_xlsx_is_refused(bodies):
    errors = errors_for(csv_file("%PDF-1.4\x00\x00", name="x.csv"), bodies)
    assert errors == ["Ladda upp en CSV-fil eller en Excelfil (.xlsx)."]


def test_a_formula_in_a_text_is_stored_as_text(karlskoga, coordinator, bodies):
    text = 'Nämnd;Konto;Text;Belopp\nSocialnämnden;4010;"=HYPERLINK(""http://x"";""Klicka"")";100\n'
    run(karlskoga, csv_file(text), bodies, coordinator)
    assert BudgetLine.objects.get().text == '=HYPERLINK("http://x";"Klicka")'


def test_the_example_files_import_cleanly(karlskoga, coordinator):
    from organisations import services as org_services

    bodies = {
        name.casefold(): org_services.create_body(karlskoga, by=None, name=name, kind="committee")
        for name in ("Barn- och utbildningsnämnden", "Kultur- och fritidsnämnden")
    }
    from django.core.files.uploadedfile import SimpleUploadedFile

    for name, content in (
        ("exempel.csv", imports.example_csv().encode()),
        ("exempel.xlsx", imports.example_xlsx()),
    ):
        summary = run(karlskoga, SimpleUploadedFile(name, content), bodies, coordinator)
    assert summary.nothing_changed  # the two example files hold the same lines
    assert BudgetLine.objects.count() == 5
