"""Import of budget lines from the finance department's CSV or XLSX file.

Columns (header row, any order, Swedish or English names): Nämnd/Body, Konto/Account,
Text, Belopp/Amount. Everything is read and checked first; only a file without errors is
written, in one transaction. Lines are matched by account, text and how many times that pair
has occurred so far in the body's lines, so importing the same file again changes nothing.
"""

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import create_object, write_entry
from core.models import AuditEntry
from core.uploads import check_upload

from .models import BudgetLine, ChildBudget

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
COLUMNS = ("body", "account", "text", "amount")
HEADER_NAMES = {
    "body": {"nämnd", "body", "organ", "nämnd/styrelse"},
    "account": {"konto", "account"},
    "text": {"text", "benämning", "kontotext", "description"},
    "amount": {"belopp", "amount", "budget"},
}
EXAMPLE_ROWS = [
    ("Nämnd", "Konto", "Text", "Belopp"),
    ("Barn- och utbildningsnämnden", "4010", "Förskoleverksamhet", "312 450 000"),
    ("Barn- och utbildningsnämnden", "4020", "Grundskola", "498 200 000,50"),
    ("Kultur- och fritidsnämnden", "5110", "Fritidsgårdar", "8 750 000"),
    ("Kultur- och fritidsnämnden", "5200", "Bibliotek", "21 300 000"),
    ("Kultur- och fritidsnämnden", "5900", "Intäkter, uthyrning", "-1 234"),
]
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")


@dataclass(frozen=True)
class Row:
    line: int
    body: object
    account: str
    text: str
    amount: Decimal


@dataclass
class Summary:
    created: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    budgets_created: int = 0
    bodies: list = field(default_factory=list)

    @property
    def nothing_changed(self) -> bool:
        return not (self.created or self.changed or self.removed or self.budgets_created)


class ImportErrors(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


def parse_amount(value) -> Decimal | None:
    """An amount as a finance system writes it: "1 234 567,50", "-1234", "1.234,5", or a
    number from a spreadsheet cell. None if it is not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        try:
            return Decimal(str(value)).quantize(Decimal("0.01"))
        except InvalidOperation:
            return None
    text = _SPACES.sub("", str(value or "")).replace("\u2212", "-")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    if not re.fullmatch(r"-?[0-9]+(\.[0-9]{1,2})?", text):
        return None
    amount = Decimal(text)
    return amount if abs(amount) < Decimal("1e13") else None


def _cell(value) -> str:
    return "" if value is None else " ".join(str(value).split())


def read_table(uploaded) -> list[list]:
    """The file's rows as lists of cells: XLSX by content, anything else as CSV text."""
    if uploaded.size > MAX_IMPORT_BYTES:
        raise ImportErrors(
            [_("The file is too large (at most %(mb)d MB).") % {"mb": MAX_IMPORT_BYTES // 2**20}]
        )
    if uploaded.size == 0:
        raise ImportErrors([_("The file is empty.")])
    uploaded.seek(0)
    head = uploaded.read(4)
    uploaded.seek(0)
    if head.startswith(b"PK"):
        return _read_xlsx(uploaded)
    return _read_csv(uploaded.read())


def _read_xlsx(uploaded) -> list[list]:
    try:
        _content_type, extension = check_upload(uploaded)
    except ValidationError as error:
        raise ImportErrors(error.messages) from error
    if extension != "xlsx":
        raise ImportErrors([_("Upload a CSV file or an Excel file (.xlsx).")])
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(uploaded, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(list(row))
            if len(rows) > MAX_ROWS + 1:
                break
        workbook.close()
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise ImportErrors([_("The file is damaged and cannot be read.")]) from error
    return rows


def _read_csv(data: bytes) -> list[list]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise ImportErrors([_("Upload a CSV file or an Excel file (.xlsx).")])
    first = text.split("\n", 1)[0]
    delimiter = max(";\t,", key=first.count)
    try:
        # newline="": a lone carriage return ends a row, as a spreadsheet program writes it.
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise ImportErrors([_("The file is not valid CSV: %(error)s") % {"error": error}]) from None


def _columns(header) -> dict[str, int]:
    found = {}
    for index, cell in enumerate(header):
        name = _cell(cell).lower()
        for column, names in HEADER_NAMES.items():
            if name in names and column not in found:
                found[column] = index
    if set(found) != set(COLUMNS):
        shown = ", ".join(_cell(cell) for cell in header if _cell(cell)) or _("nothing")
        raise ImportErrors(
            [
                _("Row 1: the columns must be Nämnd, Konto, Text and Belopp (found: %(found)s).")
                % {"found": shown}
            ]
        )
    return found


def parse_rows(table: list[list], bodies_by_name: dict) -> list[Row]:
    """Check every row; raise ImportErrors with all the row-level errors, or return the rows."""
    if not table or not any(_cell(cell) for cell in table[0]):
        raise ImportErrors([_("The file is empty.")])
    columns = _columns(table[0])
    if len(table) - 1 > MAX_ROWS:
        raise ImportErrors([_("The file has more than %(max)d rows.") % {"max": MAX_ROWS}])
    rows, errors = [], []
    for line, cells in enumerate(table[1:], start=2):
        cells = list(cells) + [None] * (len(COLUMNS) + max(columns.values()))
        values = {column: cells[index] for column, index in columns.items()}
        if not any(_cell(value) for value in values.values()):
            continue
        body_name = _cell(values["body"])
        body = bodies_by_name.get(body_name.casefold())
        problems = []
        if not body_name:
            problems.append(_("the body is missing"))
        elif body is None:
            problems.append(_("unknown body “%(name)s”") % {"name": body_name[:100]})
        account = _cell(values["account"])
        if not account:
            problems.append(_("the account is missing"))
        elif len(account) > 50:
            problems.append(_("the account is longer than 50 characters"))
        text = _cell(values["text"])
        if len(text) > 300:
            problems.append(_("the text is longer than 300 characters"))
        amount = parse_amount(values["amount"])
        if amount is None:
            shown = _cell(values["amount"])[:40]
            problems.append(_("the amount “%(value)s” is not a number") % {"value": shown})
        if problems:
            errors.append(
                _("Row %(line)d: %(problems)s.") % {"line": line, "problems": "; ".join(problems)}
            )
        else:
            rows.append(Row(line, body, account, text, amount))
    if errors:
        raise ImportErrors(errors)
    if not rows:
        raise ImportErrors([_("The file has no budget lines.")])
    return rows


def import_lines(organisation, year: int, rows: list[Row], *, by, file_name="") -> Summary:
    """Write the checked rows in one transaction: per body, lines are created, changed or
    removed so that the year's budget holds exactly the file's lines (marks are kept)."""
    summary = Summary()
    grouped = defaultdict(list)
    for row in rows:
        grouped[row.body].append(row)
    with transaction.atomic():
        for body, body_rows in sorted(grouped.items(), key=lambda item: item[0].name):
            summary.bodies.append(body.name)
            budget = (
                ChildBudget.objects.select_for_update()
                .filter(organisation=organisation, body=body, year=year)
                .first()
            )
            if budget is None:
                budget = create_object(
                    ChildBudget, by=by, organisation=organisation, body=body, year=year
                )
                summary.budgets_created += 1
            _sync_lines(budget, body_rows, summary, by=by, file_name=file_name)
    return summary


def _sync_lines(budget, rows, summary, *, by, file_name):
    existing = {
        (line.account, line.text, line.occurrence): line
        for line in BudgetLine.objects.filter(budget=budget)
    }
    before = len(existing)
    seen = defaultdict(int)
    new, changed = [], []
    for position, row in enumerate(rows, start=1):
        seen[(row.account, row.text)] += 1
        key = (row.account, row.text, seen[(row.account, row.text)])
        line = existing.pop(key, None)
        if line is None:
            new.append(
                BudgetLine(
                    organisation_id=budget.organisation_id,
                    budget=budget,
                    account=row.account,
                    text=row.text,
                    occurrence=key[2],
                    amount=row.amount,
                    position=position,
                )
            )
        elif line.amount != row.amount or line.position != position:
            line.amount, line.position = row.amount, position
            changed.append(line)
        else:
            summary.unchanged += 1
    BudgetLine.objects.bulk_create(new)
    BudgetLine.objects.bulk_update(changed, ["amount", "position"])
    removed = list(existing.values())
    BudgetLine.objects.filter(pk__in=[line.pk for line in removed]).delete()
    summary.created += len(new)
    summary.changed += len(changed)
    summary.removed += len(removed)
    if new or changed or removed:
        # One entry per budget and import: the lines' own history is the finance system's.
        write_entry(
            budget,
            by=by,
            action=AuditEntry.Action.UPDATE,
            changes={"lines": [before, len(rows)]},
            note=_("Imported %(file)s: %(new)d new, %(changed)d changed, %(removed)d removed lines")
            % {
                "file": file_name[:200],
                "new": len(new),
                "changed": len(changed),
                "removed": len(removed),
            },
        )


def example_csv() -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(EXAMPLE_ROWS)
    return "\ufeff" + buffer.getvalue()


def example_xlsx() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Budget")
    sheet.append(list(EXAMPLE_ROWS[0]))
    for body, account, text, amount in EXAMPLE_ROWS[1:]:
        sheet.append([body, account, text, float(parse_amount(amount))])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
