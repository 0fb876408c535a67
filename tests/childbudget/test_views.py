"""The child-budget pages: tenancy (404), roles (403), the form, the marks, the import page,
charts with their tables, exports and fixed query counts."""

from decimal import Decimal

import pytest
from django.urls import reverse

from childbudget import services
from childbudget.models import BudgetLine, ChildBudget
from tests.test_query_counts import queries_for

from .conftest import GOOD_CSV, csv_file


@pytest.fixture
def budget(karlskoga, coordinator, social_committee):
    budget = services.create_budget(
        karlskoga, by=coordinator, body=social_committee, year=2026, total_budget=Decimal(1000)
    )
    for position, (account, amount) in enumerate((("4010", 250), ("4020", 750)), 1):
        BudgetLine.objects.create(
            organisation=karlskoga,
            budget=budget,
            account=account,
            text=f"Rad {account}",
            amount=Decimal(amount),
            position=position,
        )
    return budget


def test_coordinator_creates_a_budget_with_an_estimate(
    coordinator_client, karlskoga, social_committee
):
    url = reverse("childbudget:budget_create", args=[karlskoga.pk])
    response = coordinator_client.post(
        url,
        {
            "body": social_committee.pk,
            "year": "2026",
            "total_budget": "600000000",
            "method": "share_of_users",
            "children_amount": "150000000",
            "comment": "Efter antal ärenden",
            "children_goals": "Fler barn får stöd tidigt.",
        },
    )
    budget = ChildBudget.objects.get()
    assert response["Location"] == budget.get_absolute_url()
    assert budget.children_share == 25.0


def test_an_estimate_needs_an_amount_and_a_body_one_budget_a_year(
    coordinator_client, karlskoga, social_committee, budget
):
    url = reverse("childbudget:budget_create", args=[karlskoga.pk])
    data = {"body": social_committee.pk, "year": "2026", "method": "estimate"}
    page = coordinator_client.post(url, data).content.decode()
    assert "errorsummary" in page
    page = coordinator_client.post(url, data | {"method": "marked_lines"}).content.decode()
    assert "redan en barnbudget" in page
    assert ChildBudget.objects.count() == 1


def test_marking_lines_sets_the_amount_that_reaches_children(coordinator_client, budget):
    line = budget.lines.get(account="4010")
    coordinator_client.post(
        reverse("childbudget:budget_marks", args=[budget.pk]), {"for_children": [line.pk]}
    )
    budget = ChildBudget.objects.with_sums().get(pk=budget.pk)
    assert budget.effective_children_amount == Decimal(250)
    assert budget.children_share == 25.0
    page = coordinator_client.get(budget.get_absolute_url()).content.decode()
    assert "<dd>25 %</dd>" in page  # rounded as the charts round (not "25,0 %")


def test_case_officer_reads_but_cannot_change_or_import(case_officer_client, karlskoga, budget):
    assert case_officer_client.get(budget.get_absolute_url()).status_code == 200
    for url in [
        reverse("childbudget:budget_edit", args=[budget.pk]),
        reverse("childbudget:budget_create", args=[karlskoga.pk]),
        reverse("childbudget:budget_import", args=[karlskoga.pk]),
    ]:
        assert case_officer_client.get(url).status_code == 403, url
    line = budget.lines.first()
    marks = reverse("childbudget:budget_marks", args=[budget.pk])
    assert case_officer_client.post(marks, {"for_children": [line.pk]}).status_code == 403


def test_outsider_gets_404_for_karlskogas_budget(outsider_client, karlskoga, budget):
    for url in [
        budget.get_absolute_url(),
        reverse("childbudget:budget_edit", args=[budget.pk]),
        reverse("childbudget:lines_export", args=[budget.pk, "csv"]),
        reverse("childbudget:budget_import", args=[karlskoga.pk]),
    ]:
        assert outsider_client.get(url).status_code == 404, url
    page = outsider_client.get(reverse("childbudget:budget_list")).content.decode()
    assert "Socialnämnden" not in page


def test_import_page_shows_the_summary_then_that_nothing_changed(
    coordinator_client, karlskoga, social_committee, joint_committee
):
    url = reverse("childbudget:budget_import", args=[karlskoga.pk])
    page = coordinator_client.post(url, {"year": "2026", "file": csv_file(GOOD_CSV)})
    assert "3 nya rader" in page.content.decode()
    again = coordinator_client.post(url, {"year": "2026", "file": csv_file(GOOD_CSV)})
    assert "Inget ändrades" in again.content.decode()
    assert BudgetLine.objects.count() == 3


def test_import_page_lists_row_errors(coordinator_client, karlskoga, social_committee):
    url = reverse("childbudget:budget_import", args=[karlskoga.pk])
    bad = "Nämnd;Konto;Text;Belopp\nSocialnämnden;4010;Text;mycket\n"
    page = coordinator_client.post(url, {"year": "2026", "file": csv_file(bad)}).content.decode()
    assert "Rad 2: beloppet ”mycket” är inte ett tal." in page
    assert not BudgetLine.objects.exists()


@pytest.mark.parametrize("fmt, start", [("csv", b"\xef\xbb\xbfN"), ("xlsx", b"PK")])
def test_example_files_can_be_downloaded(coordinator_client, fmt, start):
    response = coordinator_client.get(reverse("childbudget:import_example", args=[fmt]))
    assert response.content.startswith(start)


def test_overview_draws_both_charts_with_their_tables(coordinator_client, coordinator, budget):
    services.create_budget(
        budget.organisation,
        by=coordinator,
        body=budget.body,
        year=2025,
        total_budget=Decimal(100),
        method="estimate",
        children_amount=Decimal(10),
    )
    BudgetLine.objects.filter(account="4010").update(for_children=True)
    page = coordinator_client.get(reverse("childbudget:budget_list")).content.decode()
    assert page.count('role="img"') == 2
    assert "<caption>Barnens andel per nämnd som tabell</caption>" in page
    assert "<td>25</td>" in page and "<td>10</td>" in page and "25,0" not in page


def test_a_new_year_with_no_line_marked_is_no_data_not_zero(
    coordinator_client, coordinator, budget
):
    """2025 has a share; 2026's lines are imported but none is marked for children yet."""
    services.create_budget(
        budget.organisation,
        by=coordinator,
        body=budget.body,
        year=2025,
        total_budget=Decimal(1000),
        method="estimate",
        children_amount=Decimal(697),
    )
    budget.method = "marked_lines"
    budget.save()
    assert budget.children_share is None
    page = coordinator_client.get(reverse("childbudget:budget_list")).content.decode()
    assert "69,7 %" in page
    assert "0,0 %" not in page and ">0 %<" not in page
    assert "uppgift saknas" in page  # the year's bar says it has no figure
    # The trend stops at 2025 and says why, in the chart and in its text; no "fall to 0 %".
    assert "Ett avbrott i en linje: uppgift saknas där (räknas aldrig som 0)." in page
    assert ": uppgift saknas för 2026." in page
    assert "Lägst: Barn" not in page and "till 0 %" not in page


def test_exports_neutralise_formulas_from_imported_text(coordinator_client, budget):
    BudgetLine.objects.filter(account="4010").update(text="=cmd|' /C calc'!A0")
    url = reverse("childbudget:lines_export", args=[budget.pk, "csv"])
    text = coordinator_client.get(url).content.decode("utf-8-sig")
    assert "'=cmd|" in text
    assert (
        coordinator_client.get(reverse("childbudget:budget_export", args=["xlsx"])).content[:2]
        == b"PK"
    )


def test_deleting_a_budget_removes_its_lines(coordinator_client, budget):
    coordinator_client.post(reverse("childbudget:budget_delete", args=[budget.pk]))
    assert not ChildBudget.objects.exists() and not BudgetLine.objects.exists()


@pytest.mark.parametrize("page", ["list", "detail"])
def test_budget_pages_run_a_fixed_number_of_queries(
    coordinator_client, karlskoga, coordinator, budget, page
):
    from organisations import services as org_services

    url = reverse("childbudget:budget_list") if page == "list" else budget.get_absolute_url()

    def grow(count):
        for _index in range(count):
            body = org_services.create_body(
                karlskoga, by=None, name=f"Nämnd {ChildBudget.objects.count()}", kind="committee"
            )
            new = services.create_budget(
                karlskoga, by=coordinator, body=body, year=2026, total_budget=Decimal(10)
            )
            BudgetLine.objects.create(
                organisation=karlskoga, budget=new, account="1", amount=Decimal(5)
            )
            BudgetLine.objects.create(
                organisation=karlskoga, budget=budget, account=f"9{new.pk}", amount=Decimal(5)
            )

    grow(1)
    small = queries_for(coordinator_client, url)
    grow(8)
    assert queries_for(coordinator_client, url) == small
    assert small <= 15


def test_overview_table_shows_the_years_figures_and_the_filters_keep_their_choice(
    coordinator_client, coordinator, karlskoga, social_committee, budget
):
    """The table rows and filter options are written in Python (childbudget/figures.py)."""
    from organisations import services as organisations

    budget.body.name = "Nämnd <b>för</b> barn"
    budget.body.save()
    BudgetLine.objects.filter(account="4010").update(for_children=True)
    budget.method = "marked_lines"
    budget.total_budget = Decimal("1234567")
    budget.save()
    other = organisations.create_body(karlskoga, by=None, name="Kulturnämnden", kind="committee")
    services.create_budget(karlskoga, by=coordinator, body=other, year=2026, method="marked_lines")
    url = reverse("childbudget:budget_list")
    page = coordinator_client.get(url).content.decode()
    row = page[page.index(f'href="{budget.get_absolute_url()}"') :]
    row = row[: row.index("</tr>")]
    assert "Nämnd &lt;b&gt;för&lt;/b&gt; barn</a>" in row
    assert "1\xa0234\xa0567" in row and "<td>250</td>" in row and "<td>&lt; 0,1 %</td>" in row
    assert "Summan av budgetraderna" in row
    # No total and no lines: dashes, and no share.
    other_row = page[page.index("Kulturnämnden</a>") :]
    assert "<td>–</td><td>–</td><td>–</td>" in other_row[: other_row.index("</tr>")]
    filtered = coordinator_client.get(url, {"body": social_committee.pk}).content.decode()
    assert f'<option value="{social_committee.pk}" selected>' in filtered
    assert "Kulturnämnden</a>" not in filtered


def test_the_tables_round_as_the_charts_beside_them(coordinator_client, coordinator, budget):
    """One rounding rule: a share of exactly 70 is "70 %" in the chart and in the table (not
    "70,0 %"), 69,66 is "69,7 %" in both."""
    for year, amount in ((2024, Decimal(700)), (2025, Decimal("696.6"))):
        services.create_budget(
            budget.organisation,
            by=coordinator,
            body=budget.body,
            year=year,
            total_budget=Decimal(1000),
            method="estimate",
            children_amount=amount,
        )
    page = coordinator_client.get(reverse("childbudget:budget_list") + "?year=2024").content
    page = page.decode()
    assert "<td>70 %</td>" in page and "70,0" not in page
    assert "<td>69,7</td>" in page and "<td>70</td>" in page  # the table over the years
    detail = ChildBudget.objects.get(year=2025)
    assert "<dd>69,7 %</dd>" in coordinator_client.get(detail.get_absolute_url()).content.decode()
