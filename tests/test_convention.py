"""The Convention as reference data: 54 articles, four principles, searchable in both languages."""

from django.urls import reverse
from django.utils import translation

from convention.models import Article, ArticleGroup


def test_all_54_articles_are_loaded_in_order(db):
    assert list(Article.objects.values_list("number", flat=True)) == list(range(1, 55))


def test_the_four_principles_are_marked(db):
    assert set(Article.objects.filter(is_principle=True).values_list("number", flat=True)) == {
        2,
        3,
        6,
        12,
    }


def test_every_article_has_titles_in_both_languages_and_a_group(db):
    for article in Article.objects.all():
        assert article.title_sv and article.title_en
        assert article.group_id


def test_groups_cover_the_seven_themes(db):
    assert ArticleGroup.objects.count() == 7
    assert ArticleGroup.objects.get(code="principles").articles.count() == 4


def test_title_follows_the_active_language(db):
    article = Article.objects.get(number=12)
    with translation.override("en"):
        assert article.title == article.title_en
    with translation.override("sv"):
        assert article.title == article.title_sv


def test_search_folds_swedish_capitals(client, db):
    # "Återförening" starts with a capital Å: SQLite's LIKE would not fold it.
    response = client.get(reverse("convention:articles"), {"q": "återförening"})
    numbers = [a.number for group in response.context["groups"] for a in group.articles.all()]
    assert numbers == [10]


def test_search_by_number_and_english_words(client, db):
    response = client.get(reverse("convention:articles"), {"q": "privacy"})
    numbers = [a.number for group in response.context["groups"] for a in group.articles.all()]
    assert numbers == [16]


def test_search_without_hits_says_so(client, db):
    response = client.get(reverse("convention:articles"), {"q": "xyzzy"})
    assert "Ingen artikel matchar" in response.content.decode()


def test_htmx_search_returns_only_the_results(client, db):
    response = client.get(reverse("convention:articles"), {"q": "lek"}, HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert "<html" not in content
    assert "Lek, vila, fritid och kultur" in content


def test_article_page_links_to_its_neighbours(client, db):
    response = client.get(reverse("convention:article", args=[12]))
    content = response.content.decode()
    assert "Rätt att säga sin mening och bli lyssnad på" in content
    assert reverse("convention:article", args=[11]) in content
    assert reverse("convention:article", args=[13]) in content


def test_unknown_article_is_404(client, db):
    assert client.get(reverse("convention:article", args=[55])).status_code == 404


def test_search_tolerates_swedish_inflection(client, db):
    response = client.get(reverse("convention:articles"), {"q": "rättigheterna"})
    numbers = [a.number for group in response.context["groups"] for a in group.articles.all()]
    assert 2 in numbers  # "Alla barn har samma rättigheter"
