"""A search with a success factor or an article (decision 0022): on SQLite the filters may be
read first and the full-text match checked and ranked for those examples only. The result is
the one the plain path gives, on both databases: the same examples, order, ranks and count."""

import pytest
from django.db import connection
from django.urls import reverse

from convention.models import Article
from knowledge import search as search_module
from knowledge.models import Example
from knowledge.search import RankedExamples, search
from knowledge.views import CappedPaginator

from .conftest import add_example

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_limits(monkeypatch):
    monkeypatch.setattr(search_module, "RANKED", 3)
    monkeypatch.setattr(search_module, "RANKED_ALL", 2)
    monkeypatch.setattr("knowledge.views.RANKED", 3)


@pytest.fixture
def bank(karlskoga, coordinator):
    """Parks in many examples; some with the budget factor and article 12, one of those with
    the word in its title (the best match)."""
    art12, art31 = Article.objects.get(number=12), Article.objects.get(number=31)

    def add(title, description, factors, articles, year=2024):
        return add_example(
            karlskoga,
            by=coordinator,
            title=title,
            description=description,
            success_factors=factors,
            articles=articles,
            year=year,
        )

    return {
        "title_hit": add("Parken", "En plats.", ["budget"], [art12], 2020),
        "body_hit": add("Stadens ekonomi", "Parkerna fick pengar.", ["budget"], [art12], 2025),
        "body_hit_2": add("Lekplatser", "Parkens lekplats.", ["budget"], [art12, art31], 2023),
        "wrong_factor": add("Parkdagen", "Parken.", ["training"], [art12]),
        "wrong_article": add("Parkvandring", "Parken.", ["budget"], [art31]),
        "no_word": add("Budgetdialog", "Nämnden.", ["budget"], [art12]),
        "other": add("Parkerna", "Parken igen.", [], []),
    }


def _results(queryset, query, filtered, page=1):
    ranked = search(queryset, query, filtered=filtered)
    paginator = CappedPaginator(ranked, 2, matching=search_module.matches(queryset, query))
    listed = paginator.get_page(page)
    return paginator.count, paginator.capped, [(e.pk, round(e.rank, 6)) for e in listed]


def _filtered(factor="budget", article=12):
    return Example.objects.with_success_factor(factor).filter(articles__number=article)


def test_the_combined_search_returns_the_right_examples(coordinator_client, bank):
    response = coordinator_client.get(
        reverse("knowledge:example_list"), {"q": "parkernas", "factor": "budget", "article": 12}
    )
    titles = [example.title for example in response.context["page"].object_list]
    assert titles[0] == "Parken"  # the word in the title ranks first
    assert sorted(titles) == sorted(
        bank[name].title for name in ("title_hit", "body_hit", "body_hit_2")
    )
    assert response.context["page"].paginator.count == 3
    assert response.context["more_than"] is None


def test_the_combined_search_with_more_matches_than_ranked(small_limits, bank):
    """Many matches in the bank (more than RANKED_ALL), few examples through the filters: the
    candidates are read first on SQLite, with the same outcome as the plain path."""
    for page in (1, 2):
        assert _results(_filtered(), "parken", True, page) == _results(
            _filtered(), "parken", False, page
        )
    if connection.vendor == "sqlite":  # the filter side was read first
        assert isinstance(search(_filtered(), "parken", filtered=True), RankedExamples)
    count, capped, listed = _results(_filtered(), "parken", True)
    assert (count, capped) == (3, False)
    assert listed[0][0] == bank["title_hit"].pk


def test_more_filtered_matches_than_ranked_are_capped_the_same_way(
    small_limits, bank, karlskoga, coordinator
):
    art12 = Article.objects.get(number=12)
    for n in range(3):
        add_example(
            karlskoga,
            by=coordinator,
            title=f"Nytt {n}",
            description="Parken.",
            success_factors=["budget"],
            articles=[art12],
        )
    new = _results(_filtered(), "parken", True)
    assert new == _results(_filtered(), "parken", False)
    assert new[:2] == (3, True)  # "more than 3"
    newest = set(Example.objects.order_by("-pk").values_list("pk", flat=True)[:3])
    assert {pk for pk, _ in new[2]} <= newest


def test_filters_that_are_not_selective_take_the_plain_path(monkeypatch, small_limits, bank):
    monkeypatch.setattr(search_module, "CANDIDATES", 1)
    assert _results(_filtered(), "parken", True) == _results(_filtered(), "parken", False)


def test_filters_only_list_in_the_usual_order(coordinator_client, bank):
    response = coordinator_client.get(
        reverse("knowledge:example_list"), {"factor": "budget", "article": 12}
    )
    titles = [example.title for example in response.context["page"].object_list]
    expected = list(_filtered().order_by("-year", "title", "id").values_list("title", flat=True))
    assert titles == expected[:20]
    assert "Budgetdialog" in titles and "Parkdagen" not in titles
    for page in (1, 2):
        assert _results(_filtered(), "", True, page) == _results(_filtered(), "", False, page)


def test_no_match_among_the_filtered(small_limits, bank):
    assert _results(_filtered("training", 31), "parken", True) == (0, False, [])


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the candidate path is SQLite's")
def test_a_page_of_ranked_candidates_reads_its_organisations_in_the_same_query(
    small_limits, bank, coordinator_client, django_assert_num_queries
):
    """The page is read by id from the `rows` the view gives (with the organisation joined),
    so the names on the page cost no query per example."""
    ranked = search(
        _filtered(),
        "parken",
        filtered=True,
        rows=Example.objects.select_related("organisation"),
    )
    assert isinstance(ranked, RankedExamples)
    with django_assert_num_queries(1):
        names = [example.organisation.name for example in ranked[0:3]]
    assert len(names) == 3
