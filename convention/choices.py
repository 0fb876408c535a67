"""The articles as form choices, "3. The best interests of the child", in the active language."""

import functools

from .models import Article, localised_field


def article_choices() -> list[tuple[int, str]]:
    return _article_choices(localised_field("title"))


@functools.cache
def _article_choices(title_field: str) -> list[tuple[int, str]]:
    # The articles are reference data that only a migration changes: read once per process
    # and language.
    articles = Article.objects.order_by("number").values_list("number", title_field)
    return [(number, f"{number}. {text}") for number, text in articles]
