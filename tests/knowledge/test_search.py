"""Swedish search in the knowledge bank: inflected forms, ranking, filters and an index that
follows every change. The suite runs these on SQLite (FTS5) and on PostgreSQL (tsvector)."""

import pytest
from django.db import connection

from convention.models import Article
from knowledge import services
from knowledge.models import Example
from knowledge.search import FTS_TABLE, query_words, search

from .conftest import add_example


def titles(query, queryset=None):
    return [e.title for e in search(queryset or Example.objects.all(), query)]


@pytest.mark.parametrize("query", ["barn", "barnen", "barns", "Barnens"])
def test_inflected_forms_find_the_example_about_children(
    query, children_example, budget_example, unrelated_example
):
    assert titles(query) == [children_example.title]


@pytest.mark.parametrize("query", ["budget", "budgeten", "budgetar"])
def test_inflected_forms_find_the_example_about_the_budget(
    query, children_example, budget_example, unrelated_example
):
    assert titles(query) == [budget_example.title]


def test_every_word_must_match(children_example, budget_example):
    assert titles("barnen skolvägen") == [children_example.title]
    assert titles("barnen budgeten") == []


def test_stop_words_are_ignored_as_on_postgresql(children_example, unrelated_example):
    assert titles("barnen och att") == [children_example.title]
    assert set(titles("och det")) == {children_example.title, unrelated_example.title}


def test_a_word_in_the_title_ranks_above_a_word_in_the_description(karlskoga):
    in_body = add_example(karlskoga, title="Ett program", description="<p>Om parker.</p>")
    in_title = add_example(karlskoga, title="Parker för alla", description="<p>Text.</p>")
    assert titles("parken") == [in_title.title, in_body.title]


def test_rank_is_annotated_and_falls(karlskoga):
    add_example(karlskoga, title="Parker", description="<p>Parker och parkens lek.</p>")
    add_example(karlskoga, title="Annat", description="<p>En park.</p>")
    for title in ("Cyklar", "Skolmat", "Bibliotek"):  # so that the word is not in every example
        add_example(karlskoga, title=title)
    ranks = [e.rank for e in search(Example.objects.all(), "parkerna")]
    assert len(ranks) == 2
    assert ranks[0] > ranks[1]


def test_filters_by_success_factor_and_article(children_example, budget_example, unrelated_example):
    assert list(Example.objects.with_success_factor("budget")) == [budget_example]
    assert list(Example.objects.with_success_factor("civil_society")) == []
    assert list(Example.objects.filter(articles__number=4)) == [budget_example]


def test_tags_are_searchable_but_success_factor_labels_are_not(karlskoga):
    example = add_example(
        karlskoga, title="Ett arbete", tags="skolgård, Lupp", success_factors=["budget"]
    )
    assert titles("skolgårdarna") == [example.title]
    assert titles("budgeten") == []  # "Gör barn synliga i budgeten" is a filter, not text


def test_the_index_follows_an_edit(children_example, coordinator):
    services.update_example(children_example, by=coordinator, title="Parker i centrum")
    assert titles("parken") == [children_example.title]
    assert titles("skolvägen") == []
    assert titles("kartor") == [children_example.title]  # still in the description
    services.update_example(children_example, by=coordinator, description="<p>Inget mer.</p>")
    assert titles("kartor") == []


def test_the_index_forgets_a_deleted_example(children_example, coordinator):
    pk = children_example.pk
    services.delete_example(children_example, by=coordinator)
    assert titles("barnen") == []
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {FTS_TABLE} WHERE rowid = %s", [pk])
            assert cursor.fetchone() == (0,)


def test_search_narrows_a_scoped_queryset_and_keeps_its_filters(children_example, budget_example):
    only_budget = Example.objects.filter(pk=budget_example.pk)
    assert titles("barnen", only_budget) == []
    assert titles("nämnd", only_budget) == [budget_example.title]


def test_query_words_drop_stop_words_and_repeated_stems():
    assert query_words("Barnen och barns budget, budgeten!") == ["barnen", "budget"]
    assert len(query_words(" ".join(f"ord{i}" for i in range(20)))) == 8


def test_description_is_cleaned_when_stored(karlskoga, coordinator):
    example = add_example(
        karlskoga,
        by=coordinator,
        description='<p onclick="x()">Text<script>alert(1)</script></p>'
        '<a href="javascript:x">l</a>',
    )
    assert "script" not in example.description
    assert "onclick" not in example.description
    assert "javascript" not in example.description


def test_links_must_be_web_addresses(karlskoga):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        add_example(karlskoga, links="https://example.org\nftp://example.org/fil")
    example = add_example(karlskoga, links="https://example.org\n\nhttp://example.net/a")
    assert example.link_list == ["https://example.org", "http://example.net/a"]


def test_articles_are_kept(karlskoga):
    example = add_example(karlskoga, articles=[Article.objects.get(number=12)])
    assert list(example.articles.values_list("number", flat=True)) == [12]


@pytest.mark.parametrize("query", ["nätverk", "nätverket", "nätverken", "nätverkets"])
def test_the_definite_forms_snowball_keeps_find_each_other(karlskoga, query):
    # Snowball keeps -et ("nätverket"): both spellings must find both examples.
    plain_form = add_example(karlskoga, title="Nätverk för unga")
    definite = add_example(karlskoga, title="Om samverkan", description="<p>Nätverket träffas.</p>")
    add_example(karlskoga, title="Skolmat")
    assert set(titles(query)) == {plain_form.title, definite.title}


def test_a_definite_form_in_an_a_word_finds_the_plain_one(karlskoga):
    school = add_example(karlskoga, title="Skolor i samverkan")
    add_example(karlskoga, title="Parker")
    assert titles("skolan") == [school.title]
