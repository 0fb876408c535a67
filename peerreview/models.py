"""Peer review (kollegial granskning): a network plans a review of one member by others; the
reviewers record interviews, documents read, findings and ratings per success factor and
recommendations; the reviewed member answers each recommendation.

A review belongs to the reviewed organisation (`organisation`). The reviewing organisations and
the reviewed one see it from the start; the other members of the network once it is reported.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.constraints import FieldCheckConstraint
from core.models import TenantModel
from networks.models import Network
from planning import success_factors
from planning.maturity import HIGHEST, Level
from planning.success_factors import SuccessFactor


class Status(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("peer review", "planned")
    IN_PROGRESS = "in_progress", pgettext_lazy("peer review", "in progress")
    REPORTED = "reported", pgettext_lazy("peer review", "reported")
    ANSWERED = "answered", pgettext_lazy("peer review", "answered")


# Statuses in which the whole network reads the review.
PUBLISHED = (Status.REPORTED, Status.ANSWERED)


class PeerReview(TenantModel):
    """One member's work reviewed by other members of a network, on chosen success factors."""

    network = models.ForeignKey(
        Network,
        verbose_name=_("network"),
        on_delete=models.PROTECT,
        related_name="peer_reviews",
    )
    reviewing_organisations = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("reviewing organisations"),
        related_name="peer_reviews_made",
    )
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("named reviewers"),
        blank=True,
        related_name="+",
        help_text=_("People from the reviewing organisations who take part (optional)."),
    )
    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveSmallIntegerField(
        _("year"), help_text=_("The year of the self-assessment the ratings are set beside.")
    )
    focus_factors = models.JSONField(_("success factors in focus"), default=list)
    questions = models.TextField(_("questions"), blank=True)
    visit_date = models.DateField(_("planned visit"), null=True, blank=True)
    report_due = models.DateField(_("report due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    summary = models.TextField(_("summary"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("peer review")
        verbose_name_plural = _("peer reviews")
        ordering = ["-year", "organisation__name", "id"]
        constraints = [
            # The ratings go onto the reviewed organisation's self-assessment of the year as one
            # series (decision 0016).
            models.UniqueConstraint(
                fields=["organisation", "year"],
                name="peerreview_one_per_organisation_year",
                violation_error_message=_(
                    "The organisation already has a peer review for that year."
                ),
            ),
            FieldCheckConstraint(
                condition=Q(report_due__isnull=True)
                | Q(visit_date__isnull=True)
                | Q(report_due__gte=models.F("visit_date")),
                name="peerreview_report_after_visit",
                field="report_due",
                violation_error_message=_("The report cannot be due before the visit."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("peerreview:review_detail", args=[self.pk])

    @classmethod
    def visibility_filter(cls, organisation_ids):
        reviewing = PeerReview.reviewing_organisations.through.objects.filter(
            organisation_id__in=organisation_ids
        )
        member_of = Network.member_organisations.through.objects.filter(
            organisation_id__in=organisation_ids
        )
        return (
            Q(organisation_id__in=organisation_ids)
            | Q(pk__in=reviewing.values("peerreview_id"))
            # The network's convener follows its reviews from the start.
            | Q(network__organisation_id__in=organisation_ids)
            | Q(status__in=PUBLISHED, network_id__in=member_of.values("network_id"))
        )

    def clean(self):
        if self.year and not 2000 <= self.year <= 2100:
            raise ValidationError({"year": _("Give a year between 2000 and 2100.")})
        if not self.focus_factors:
            raise ValidationError({"focus_factors": _("Choose at least one success factor.")})
        if success_factors.unknown(self.focus_factors):
            raise ValidationError({"focus_factors": _("Unknown success factor.")})

    def permission_scope(self):
        return self.organisation_id, None

    @property
    def focus_labels(self) -> list[str]:
        return success_factors.labels(self.focus_factors)

    @property
    def ordered_focus(self) -> list[str]:
        chosen = set(self.focus_factors)
        return [factor for factor in SuccessFactor.values if factor in chosen]

    @property
    def is_published(self) -> bool:
        return self.status in PUBLISHED


class ReviewPart(TenantModel):
    """A part of a review; its organisation is the review's, so it is seen where the review is."""

    review = models.ForeignKey(
        PeerReview, verbose_name=_("peer review"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        abstract = True

    @classmethod
    def visibility_filter(cls, organisation_ids):
        visible = PeerReview.objects.filter(PeerReview.visibility_filter(organisation_ids))
        return Q(review__in=visible.values("pk"))

    def permission_scope(self):
        return self.organisation_id, None

    def get_absolute_url(self):
        return self.review.get_absolute_url()


class Interview(ReviewPart):
    """An interview the reviewers held: with whom as a role or function, never a child's name."""

    review = models.ForeignKey(
        PeerReview,
        verbose_name=_("peer review"),
        on_delete=models.CASCADE,
        related_name="interviews",
    )
    held_on = models.DateField(_("date"))
    with_whom = models.CharField(
        _("with whom"),
        max_length=200,
        help_text=_(
            "A role or function, such as 'chair of the social committee' or 'pupils' council'. "
            "No names of children."
        ),
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
        ordering = ["held_on", "id"]

    def __str__(self):
        return f"{self.held_on} {self.with_whom}"


class DocumentRead(ReviewPart):
    """A document the reviewers read: a title and a link or a reference."""

    review = models.ForeignKey(
        PeerReview,
        verbose_name=_("peer review"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    title = models.CharField(_("title"), max_length=300)
    link = models.URLField(_("link"), max_length=500, blank=True)
    reference = models.CharField(
        _("reference"),
        max_length=300,
        blank=True,
        help_text=_("A file number or where it is kept."),
    )

    class Meta:
        verbose_name = _("document read")
        verbose_name_plural = _("documents read")
        ordering = ["title", "id"]

    def __str__(self):
        return self.title

    def clean(self):
        if not self.link and not self.reference:
            raise ValidationError(_("Give a link or a reference."))


class Finding(ReviewPart):
    """The reviewers' findings and rating for one success factor in focus."""

    review = models.ForeignKey(
        PeerReview, verbose_name=_("peer review"), on_delete=models.CASCADE, related_name="findings"
    )
    factor = models.CharField(_("success factor"), max_length=40, choices=SuccessFactor.choices)
    text = models.TextField(_("findings"), blank=True)
    level = models.PositiveSmallIntegerField(
        _("the reviewers' rating"), choices=Level.choices, null=True, blank=True
    )
    # The rating as stored on the reviewed organisation's self-assessment, once reported.
    rating = models.ForeignKey(
        "planning.FactorRating",
        verbose_name=_("rating on the self-assessment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        constraints = [
            models.UniqueConstraint(fields=["review", "factor"], name="finding_one_per_factor"),
            FieldCheckConstraint(
                condition=Q(level__isnull=True) | Q(level__lte=HIGHEST),
                name="finding_level_range",
                field="level",
                violation_error_message=_("Choose a level from the scale."),
            ),
        ]

    def __str__(self):
        return f"{self.review}: {self.get_factor_display()}"


class Recommendation(ReviewPart):
    """A recommendation under one factor's findings, and the reviewed member's answer to it."""

    class Answer(models.TextChoices):
        ACCEPTED = "accepted", pgettext_lazy("peer review", "accepted")
        PARTLY = "partly", pgettext_lazy("peer review", "partly accepted")
        NOT_ACCEPTED = "not_accepted", pgettext_lazy("peer review", "not accepted")

    review = models.ForeignKey(
        PeerReview,
        verbose_name=_("peer review"),
        on_delete=models.CASCADE,
        related_name="recommendations",
    )
    finding = models.ForeignKey(
        Finding,
        verbose_name=_("finding"),
        on_delete=models.CASCADE,
        related_name="recommendations",
    )
    text = models.TextField(_("recommendation"))
    answer = models.CharField(_("answer"), max_length=20, choices=Answer.choices, blank=True)
    answer_text = models.TextField(_("the answer in words"), blank=True)
    answered_at = models.DateTimeField(
        pgettext_lazy("peer review", "answered"), null=True, blank=True
    )
    activity = models.ForeignKey(
        "planning.Activity",
        verbose_name=_("activity in the action plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="peer_recommendations",
    )

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["id"]

    def __str__(self):
        text = " ".join(self.text.split())
        return text if len(text) <= 80 else text[:79] + "…"

    def get_absolute_url(self):
        return self.review.get_absolute_url() + f"#recommendation-{self.pk}"

    def clean(self):
        if self.finding_id and self.review_id and self.finding.review_id != self.review_id:
            raise ValidationError(_("The finding belongs to another review."))
