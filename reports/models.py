"""The yearly account (bokslut för folkhälsa och barnkonvention) and its published versions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TenantModel
from organisations.models import Body

from .sections import CHILD_RIGHTS, PUBLIC_HEALTH


def report_scope(organisation_ids, prefix: str = "") -> Q:
    """A report belongs to its organisation; a joint body's report is also seen where it serves."""

    joint_ids = Body.joint_body_ids(organisation_ids)
    return Q(organisation_id__in=organisation_ids) | Q(**{f"{prefix}body_id__in": joint_ids})


class Report(TenantModel):
    """One year's account for an organisation, or for a joint body and the organisations it
    serves. The figures are read from the records when it is shown or published; the texts
    around them are the coordinator's."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        APPROVED = "approved", _("approved")
        PUBLISHED = "published", _("published")

    body = models.ForeignKey(
        "organisations.Body",
        verbose_name=_("joint body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Only for the report of a joint committee or team."),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("address"),
        max_length=80,
        help_text=_("The part of the public address that names the report's publisher."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    foreword = models.TextField(_("foreword"), blank=True)
    # Success-factor value (planning.success_factors) -> the coordinator's analysis.
    analysis = models.JSONField(_("analysis per success factor"), default=dict, blank=True)
    priorities = models.TextField(_("priorities for next year"), blank=True)
    # Sentence id (see reports.sections) -> the text that replaces the generated sentence.
    overrides = models.JSONField(_("own wording of sentences"), default=dict, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    # Set by "Send for approval": the draft then waits on the decision-makers' start pages.
    sent_for_approval_at = models.DateTimeField(_("sent for approval"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("yearly report")
        verbose_name_plural = _("yearly reports")
        ordering = ["-year", "title", "id"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "year"], name="report_unique_address"),
            models.UniqueConstraint(
                fields=["organisation", "year"],
                condition=Q(body__isnull=True),
                name="report_unique_organisation_year",
                violation_error_message=_("There is already a yearly account for that year."),
            ),
            models.UniqueConstraint(
                fields=["body", "year"],
                condition=Q(body__isnull=False),
                name="report_unique_body_year",
                violation_error_message=_("There is already a yearly account for that year."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reports:report_detail", args=[self.pk])

    @classmethod
    def visibility_filter(cls, organisation_ids):
        return report_scope(organisation_ids)

    def clean(self):
        if self.year is not None and not 2000 <= self.year <= 2100:
            raise ValidationError({"year": _("Give a year between 2000 and 2100.")})
        if self.body_id and self.body.organisation_id != self.organisation_id:
            raise ValidationError({"body": _("The joint body must be hosted by the organisation.")})

    def permission_scope(self):
        return self.organisation_id, self.body_id

    def public_url(self):
        return reverse("reports:public_report", args=[self.slug, self.year])


class ReportVersion(TenantModel):
    """A published report, frozen: the figures, the texts and the drawn charts as they were
    when it was published. Later changes to the records do not alter it."""

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    published_at = models.DateTimeField(_("published"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    data = models.JSONField(_("content"), encoder=DjangoJSONEncoder)

    # The snapshot is large and never changes: the audit entry names the version, not its data.
    audit_exclude = ("data",)

    class Meta:
        verbose_name = _("published version")
        verbose_name_plural = _("published versions")
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="report_version_unique"),
        ]

    def __str__(self):
        return f"{self.report} v{self.number}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(_("A published version cannot be changed."))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "reports:public_version", args=[self.report.slug, self.report.year, self.number]
        )

    @classmethod
    def visibility_filter(cls, organisation_ids):
        return report_scope(organisation_ids, prefix="report__")

    def permission_scope(self):
        return self.organisation_id, self.report.body_id


class OwnSection(models.Model):
    """A section the coordinator writes into the account, in the Convention's part or the
    public-health part, after that part's generated sections (issue 20). Paragraphs are
    separated by an empty line, as in the report's other texts."""

    class Part(models.TextChoices):
        CHILD_RIGHTS = CHILD_RIGHTS, _("The Convention on the Rights of the Child")
        PUBLIC_HEALTH = PUBLIC_HEALTH, _("Public health")

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="own_sections"
    )
    part = models.CharField(
        _("part"),
        max_length=20,
        choices=Part.choices,
        default=Part.CHILD_RIGHTS,
        db_default=Part.CHILD_RIGHTS,
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(
        _("text"),
        blank=True,
        default="",
        db_default="",
        help_text=_("Separate paragraphs with an empty line."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"),
        default=0,
        db_default=0,
        help_text=_("Sections with a lower number come first within their part."),
    )

    class Meta:
        verbose_name = _("own section")
        verbose_name_plural = _("own sections")
        ordering = ["report", "order", "id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reports:report_edit", args=[self.report_id]) + "#own-sections"

    def audit_organisation_id(self):
        return self.report.organisation_id

    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.text.replace("\r\n", "\n").split("\n\n") if p.strip()]
