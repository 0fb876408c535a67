"""Hostile rows and file names through every import (child budget CSV/XLSX, indicator files).

Never a server error; either a clear message or the text stored as text; and whatever was
stored comes out of the exports as text, never as a formula.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from indicators.models import ImportRun

from .corpus import HOSTILE, formula_problems, short, unsafe_markup

FILE_NAMES = ["../../../../etc/passwd.csv", "..\\..\\boot.ini.csv", "<script>alert(1)</script>.csv"]


def xlsx(rows) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        # A text starting with "=" becomes a formula cell; a worksheet cannot hold a NUL.
        workbook.active.append([ILLEGAL_CHARACTERS_RE.sub("", cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows) -> bytes:
    return "\n".join(";".join(row) for row in rows).encode("utf-8", errors="surrogatepass")


def check_page(response, what) -> list[str]:
    if response.status_code >= 500:
        return [f"{what}: {response.status_code}"]
    if unsafe := unsafe_markup(response.content.decode(errors="replace")):
        return [f"{what}: unescaped {unsafe}"]
    return []


def check_exports(client, urls) -> list[str]:
    problems = []
    for url in urls:
        response = client.get(url)
        if response.status_code >= 500:
            problems.append(f"{url}: {response.status_code}")
        elif response.status_code == 200:
            problems += [
                f"{url}: {p}" for p in formula_problems(response.content, response["Content-Type"])
            ]
    return problems


@pytest.fixture
def budget_client(client, coordinator, social_committee):
    client.force_login(coordinator)
    return client


def test_hostile_budget_rows_are_refused_or_stored_as_text(
    budget_client, karlskoga, social_committee
):
    from childbudget.models import BudgetLine, ChildBudget

    url = reverse("childbudget:budget_import", kwargs={"organisation_pk": karlskoga.pk})
    header = ["Nämnd", "Konto", "Text", "Belopp"]
    problems = []
    for index, text in enumerate(HOSTILE):
        rows = [
            header,
            [social_committee.name, f"40{index:02d}", text, "1 000"],  # hostile text
            [social_committee.name, text[:60], "Konto", "2 000"],  # hostile account
            [social_committee.name, "4999", "Belopp", text],  # hostile amount
        ]
        for name, content in (("rader.csv", csv_bytes(rows)), ("rader.xlsx", xlsx(rows))):
            upload = SimpleUploadedFile(name, content)
            response = budget_client.post(url, {"year": 2026, "file": upload})
            problems += check_page(response, f"{name} {short(text)}")
            if response.status_code == 200 and b"errorlist" not in response.content:
                line = BudgetLine.objects.filter(account=f"40{index:02d}").first()
                if line is not None and line.text not in (text, text.strip()):
                    problems.append(f"{name} {short(text)}: stored as {short(line.text)}")
    for name in FILE_NAMES:
        rows = [header, [social_committee.name, "4100", "Namn", "1"]]
        response = budget_client.post(
            url, {"year": 2027, "file": SimpleUploadedFile(name, csv_bytes(rows))}
        )
        problems += check_page(response, f"file name {short(name)}")
    urls = [reverse("childbudget:budget_export", kwargs={"fmt": f}) for f in ("csv", "xlsx")]
    for budget in ChildBudget.objects.all():
        urls += [
            reverse("childbudget:lines_export", kwargs={"pk": budget.pk, "fmt": f})
            for f in ("csv", "xlsx")
        ]
        problems += check_page(budget_client.get(budget.get_absolute_url()), f"budget {budget.pk}")
    assert BudgetLine.objects.exists(), "some hostile rows are plain text and were imported"
    problems += check_exports(budget_client, urls)
    assert not problems, "\n".join(problems)


def test_hostile_indicator_rows_are_refused_or_stored_as_text(client, coordinator, karlskoga):
    client.force_login(coordinator)
    url = reverse("indicators:import", kwargs={"organisation_pk": karlskoga.pk})
    header = "indikator;kod;år;kön;åldersgrupp;värde;status"
    problems = []
    for text in [*HOSTILE, *FILE_NAMES]:
        flat = text.replace("\n", " ").replace(";", ",")
        lines = [
            header,
            f"barn-i-dialog;1883;2024;T;;412;{flat}",
            f"{flat};1883;2024;T;;412;slutlig",
            f"barn-i-dialog;{flat};2024;T;;412;slutlig",
            f"barn-i-dialog;1883;2024;T;{flat};412;slutlig",
            f"barn-i-dialog;1883;2024;T;;{flat};slutlig",
        ]
        name = text[:100] if text in FILE_NAMES else "v.csv"
        # One hostile row a file in the template format (a file is refused whole), all five
        # in one file for the other formats.
        files = [("template", f"{header}\n{line}") for line in lines[1:]]
        files += [(fmt, "\n".join(lines)) for fmt in ImportRun.Format.values if fmt != "template"]
        for fmt, content in files:
            upload = SimpleUploadedFile(name, content.encode("utf-8"))
            response = client.post(url, {"format": fmt, "file": upload})
            problems += check_page(response, f"{fmt} {short(text)}")
    problems += check_page(client.get(url), "the import page with its runs")
    from indicators.models import IndicatorValue

    indicators = IndicatorValue.objects.values_list("indicator", flat=True).distinct()
    exports = [
        reverse("indicators:comparison_export", kwargs={"organisation_pk": karlskoga.pk, "pk": pk})
        for pk in indicators
    ]
    assert exports, "the plain rows of the files were imported"
    problems += check_exports(client, exports)
    assert not problems, "\n".join(problems)
