"""The knowledge bank: good examples that organisations share with their networks or everyone."""

import datetime

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TenantModel
from core.tenancy import TenantQuerySet, extra_visibility
from planning import success_factors

FIRST_YEAR = 1990


def last_year() -> int:
    return datetime.date.today().year + 1


class ExampleQuerySet(TenantQuerySet):
    def public(self):
        """What anyone may read, without logging in."""
        return self.filter(visibility=Example.Visibility.PUBLIC)

    def with_success_factor(self, value: str):
        from django.db import connection

        if connection.features.supports_json_field_contains:
            return self.filter(success_factors__contains=[value])
        # SQLite has no JSON containment; the stored list is JSON text with quoted values.
        text = Cast("success_factors", models.TextField())
        return self.alias(success_factors_text=text).filter(
            success_factors_text__contains=f'"{value}"'
        )


class Example(TenantModel):
    """A good example of child-rights work: what an organisation did, what came of it, and
    whom to ask. The organisation decides who may read it."""

    class Visibility(models.TextChoices):
        ORGANISATION = "organisation", _("only our organisation")
        NETWORK = "network", _("members of our networks")
        PUBLIC = "public", _("everyone (public)")

    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)]
    )
    success_factors = models.JSONField(_("success factors"), default=list, blank=True)
    articles = models.ManyToManyField(
        "convention.Article", verbose_name=_("articles"), blank=True, related_name="+"
    )
    target_areas = models.ManyToManyField(
        "publichealth.TargetArea",
        verbose_name=_("public-health target areas"),
        blank=True,
        related_name="+",
    )
    tags = models.CharField(
        _("tags"), max_length=300, blank=True, help_text=_("Separate the tags with commas.")
    )
    description = models.TextField(_("description"), max_length=20000)
    results = models.TextField(_("results"), max_length=5000, blank=True)
    contact = models.CharField(
        _("contact"),
        max_length=200,
        blank=True,
        help_text=_(
            "A role or function to ask, such as “the child-rights strategist”, not a name."
        ),
    )
    links = models.TextField(
        _("links"), max_length=3000, blank=True, help_text=_("One web address per line.")
    )
    visibility = models.CharField(
        _("who may read it"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.ORGANISATION,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # PostgreSQL's tsvector (Swedish configuration), written by knowledge.search; SQLite keeps
    # its index in the FTS5 table knowledge_example_fts instead and leaves this empty.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ExampleQuerySet.as_manager()

    audit_exclude = ("search_vector", "updated_at", "created_at")

    class Meta:
        verbose_name = _("good example")
        verbose_name_plural = _("good examples")
        ordering = ["-year", "title", "id"]
        indexes = [
            models.Index(fields=["visibility", "organisation"], name="example_visibility_idx"),
            models.Index(fields=["organisation", "year"], name="example_org_year_idx"),
            # The list without a search reads the newest first in this order.
            models.Index(fields=["-year", "title", "id"], name="example_order_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("knowledge:example_detail", args=[self.pk])

    def get_public_url(self):
        return reverse("knowledge:public_detail", args=[self.pk])

    def clean(self):
        if success_factors.unknown(self.success_factors):
            raise ValidationError({"success_factors": _("Unknown success factor.")})
        if self.year and self.year > last_year():
            raise ValidationError({"year": _("The year cannot be in the future.")})
        validate = URLValidator(schemes=["http", "https"])
        for link in self.link_list:
            try:
                validate(link)
            except ValidationError as error:
                raise ValidationError(
                    {"links": _("“%(link)s” is not a web address.") % {"link": link}}
                ) from error

    @classmethod
    def visibility_filter(cls, organisation_ids):
        return (
            Q(organisation_id__in=organisation_ids)
            | Q(visibility=cls.Visibility.PUBLIC)
            # What the networks app adds (networks/extensions.py): network examples of
            # organisations sharing a network, and examples shared with one on purpose.
            | extra_visibility(cls, organisation_ids)
        )

    def permission_scope(self):
        return self.organisation_id, None

    @property
    def is_public(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC

    @property
    def success_factor_labels(self) -> list[str]:
        return success_factors.labels(self.success_factors)

    @property
    def tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.tags.split(",") if tag.strip()]

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]
