"""Sweden's public-health policy as reference data: the overarching goal and its eight target
areas (prop. 2017/18:249). Plans, policies, indicators and examples are tagged with the areas."""

from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def _in_language(swedish: str, english: str) -> str:
    return english if (get_language() or "sv").startswith("en") else swedish


class PublicHealthPolicy(models.Model):
    """A national public-health policy: its name, the bill that set it, and its overarching goal."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_sv = models.CharField(_("name (Swedish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    source = models.CharField(_("source"), max_length=200)
    goal_sv = models.TextField(_("overarching goal (Swedish)"))
    goal_en = models.TextField(_("overarching goal (English)"))

    class Meta:
        verbose_name = _("public-health policy")
        verbose_name_plural = _("public-health policies")
        ordering = ["code"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return _in_language(self.name_sv, self.name_en)

    @property
    def goal(self) -> str:
        return _in_language(self.goal_sv, self.goal_en)


class TargetArea(models.Model):
    """One of the policy's target areas (målområden), with its official short name and a
    summary written for Barnrätt."""

    policy = models.ForeignKey(
        PublicHealthPolicy,
        verbose_name=_("public-health policy"),
        on_delete=models.PROTECT,
        related_name="target_areas",
    )
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name_sv = models.CharField(_("name (Swedish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    summary_sv = models.TextField(_("summary (Swedish)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    # Case-folded number, names and summaries in both languages: SQLite's LIKE folds ASCII only.
    search_text = models.TextField(editable=False)

    class Meta:
        verbose_name = _("target area")
        verbose_name_plural = _("target areas")
        ordering = ["number"]

    def __str__(self):
        return _("Target area %(number)s: %(name)s") % {"number": self.number, "name": self.name}

    def save(self, *args, **kwargs):
        self.search_text = build_search_text(
            self.number, self.name_sv, self.name_en, self.summary_sv, self.summary_en
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("publichealth:target_area", args=[self.number])

    @property
    def name(self) -> str:
        return _in_language(self.name_sv, self.name_en)

    @property
    def summary(self) -> str:
        return _in_language(self.summary_sv, self.summary_en)


def build_search_text(number, *texts: str) -> str:
    return " ".join([str(number), *texts]).casefold()
