"""The yearly self-assessment of the seven success factors: one `SelfAssessment` per
organisation (or joint body) and year, and one `FactorRating` per factor on the maturity scale,
with its evidence and next steps.

A rating has a `source`. The organisation's own ratings are `self`; a peer review (the network
issue) adds ratings with the source `peer` beside them, on the same assessment, and the overview
draws every source as its own series (see `planning.views.selfassessment.rating_series`).
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.constraints import FieldCheckConstraint
from core.models import TenantModel

from ..maturity import HIGHEST, Level, meaning
from ..success_factors import SuccessFactor
from .plans import plan_scope


class SelfAssessment(TenantModel):
    """An organisation's (or a joint body's) rating of itself on the seven factors in a year."""

    body = models.ForeignKey(
        "organisations.Body",
        verbose_name=_("joint body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Only for the self-assessment of a joint committee or team."),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    summary = models.TextField(_("summary"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["-year", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"],
                condition=Q(body__isnull=True),
                name="selfassessment_one_per_organisation_year",
                violation_error_message=_("There is already a self-assessment for that year."),
            ),
            models.UniqueConstraint(
                fields=["body", "year"],
                condition=Q(body__isnull=False),
                name="selfassessment_one_per_body_year",
                violation_error_message=_("There is already a self-assessment for that year."),
            ),
        ]
        indexes = [models.Index(fields=["organisation", "body", "year"], name="selfassess_idx")]

    def __str__(self):
        owner = self.body.name if self.body_id else self.organisation.name
        return _("Self-assessment %(year)s, %(owner)s") % {"year": self.year, "owner": owner}

    def get_absolute_url(self):
        return reverse("planning:selfassessment_detail", args=[self.pk])

    @classmethod
    def visibility_filter(cls, organisation_ids):
        return plan_scope(organisation_ids)

    def clean(self):
        if self.year is not None and not 2000 <= self.year <= 2100:
            raise ValidationError({"year": _("Give a year between 2000 and 2100.")})

    def permission_scope(self):
        return self.organisation_id, self.body_id

    def same_owner(self):
        """The self-assessments of the same organisation or joint body, every year."""
        if self.body_id:
            return SelfAssessment.objects.filter(body_id=self.body_id)
        return SelfAssessment.objects.filter(organisation_id=self.organisation_id, body=None)


def valid_links(value) -> None:
    check = URLValidator(schemes=["http", "https"])
    for link in value or ():
        if not isinstance(link, str):
            raise ValidationError(_("A link must be a web address."))
        check(link)


class FactorRating(TenantModel):
    """One factor's level in a self-assessment, with the evidence and the next steps."""

    class Source(models.TextChoices):
        SELF = "self", _("self-assessment")
        PEER = "peer", _("peer review")

    assessment = models.ForeignKey(
        SelfAssessment,
        verbose_name=_("self-assessment"),
        on_delete=models.CASCADE,
        related_name="ratings",
    )
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.SELF
    )
    factor = models.CharField(_("success factor"), max_length=40, choices=SuccessFactor.choices)
    level = models.PositiveSmallIntegerField(
        _("level"), choices=Level.choices, null=True, blank=True
    )
    evidence = models.TextField(
        _("evidence"), blank=True, help_text=_("What shows that the level is reached.")
    )
    links = models.JSONField(
        _("links"),
        default=list,
        blank=True,
        validators=[valid_links],
        help_text=_("Web addresses of evidence, for example a training or a report."),
    )
    policies = models.ManyToManyField(
        "planning.Policy", verbose_name=_("policy documents"), blank=True, related_name="+"
    )
    plans = models.ManyToManyField(
        "planning.ActionPlan", verbose_name=_("action plans"), blank=True, related_name="+"
    )
    cases = models.ManyToManyField(
        "assessments.Case", verbose_name=_("cases"), blank=True, related_name="+"
    )
    trainings = models.ManyToManyField(
        "training.TrainingSession", verbose_name=_("trainings"), blank=True, related_name="+"
    )
    next_steps = models.TextField(_("next steps"), blank=True)

    class Meta:
        verbose_name = _("success-factor rating")
        verbose_name_plural = _("success-factor ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "factor"],
                condition=Q(source="self"),
                name="rating_one_self_rating_per_factor",
                violation_error_message=_("The self-assessment already rates that success factor."),
            ),
            FieldCheckConstraint(
                condition=Q(level__isnull=True) | Q(level__lte=HIGHEST),
                name="rating_level_range",
                field="level",
                violation_error_message=_("Choose a level from the scale."),
            ),
        ]

    def __str__(self):
        return f"{self.get_factor_display()} ({self.assessment.year})"

    def get_absolute_url(self):
        return self.assessment.get_absolute_url() + f"#factor-{self.factor}"

    @classmethod
    def visibility_filter(cls, organisation_ids):
        return plan_scope(organisation_ids, prefix="assessment__")

    def permission_scope(self):
        return self.organisation_id, self.assessment.body_id

    @property
    def meaning(self) -> str:
        return meaning(self.factor, self.level)
