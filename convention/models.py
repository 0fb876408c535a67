"""The UN Convention on the Rights of the Child as reference data: groups and 54 articles."""

from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def _in_language(swedish: str, english: str) -> str:
    return english if (get_language() or "sv").startswith("en") else swedish


def localised_field(name: str) -> str:
    """The column of a `name_sv`/`name_en` pair for the active language, for `values_list`."""
    return _in_language(f"{name}_sv", f"{name}_en")


class ArticleGroup(models.Model):
    """A thematic group of articles, such as the general principles or special protection."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_sv = models.CharField(_("name (Swedish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"))

    class Meta:
        verbose_name = _("article group")
        verbose_name_plural = _("article groups")
        ordering = ["position"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return _in_language(self.name_sv, self.name_en)


class Article(models.Model):
    """One article of the Convention with a short title written for Barnrätt."""

    number = models.PositiveSmallIntegerField(_("article number"), unique=True)
    title_sv = models.CharField(_("title (Swedish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    group = models.ForeignKey(
        ArticleGroup, verbose_name=_("group"), on_delete=models.PROTECT, related_name="articles"
    )
    is_principle = models.BooleanField(_("one of the four principles"), default=False)
    # Lower-cased number and titles in both languages: SQLite's LIKE only folds ASCII case,
    # so searching "ålder" must not depend on the database.
    search_text = models.CharField(max_length=500, editable=False, db_index=True)

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["number"]

    def __str__(self):
        return _("Article %(number)s: %(title)s") % {"number": self.number, "title": self.title}

    def save(self, *args, **kwargs):
        self.search_text = build_search_text(self.number, self.title_sv, self.title_en)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("convention:article", args=[self.number])

    @property
    def title(self) -> str:
        return _in_language(self.title_sv, self.title_en)


def build_search_text(number, title_sv: str, title_en: str) -> str:
    return f"{number} {title_sv} {title_en}".casefold()
