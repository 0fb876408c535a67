"""The Convention, browsable and searchable by anyone."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from core.search import search_filter

from .models import Article, ArticleGroup


def article_list(request):
    query = request.GET.get("q", "").strip()[:100]
    articles = Article.objects.all()
    if query:
        articles = articles.filter(search_filter(query))
    groups = ArticleGroup.objects.prefetch_related(Prefetch("articles", queryset=articles))
    context = {
        "groups": [g for g in groups if g.articles.all()],
        "query": query,
        "count": sum(len(g.articles.all()) for g in groups),
    }
    template = "convention/_results.html" if request.htmx else "convention/article_list.html"
    return render(request, template, context)


def article_detail(request, number):
    article = get_object_or_404(Article.objects.select_related("group"), number=number)
    neighbours = {
        "previous": Article.objects.filter(number__lt=number).order_by("-number").first(),
        "next": Article.objects.filter(number__gt=number).order_by("number").first(),
    }
    return render(request, "convention/article_detail.html", {"article": article, **neighbours})
