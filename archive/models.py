"""Retention rules (gallringsbeslut) and the record of what was removed under them."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TenantModel


class RecordType(models.TextChoices):
    DECIDED_CASES = (
        "decided_cases",
        _("decided cases, with their assessments, decisions, reviews and attachments"),
    )
    FORUM_MEETINGS = "forum_meetings", _("youth-forum meetings, with agenda and minutes")
    CONSULTATIONS = (
        "consultations",
        _("closed consultations, with their questions, answers, voices and feedback"),
    )
    TRAINING_SESSIONS = (
        "training_sessions",
        _("training sessions, with their headcounts and material"),
    )
    INDICATOR_IMPORTS = "indicator_imports", _("the record of indicator imports")


class RetentionRule(TenantModel):
    """An organisation's decision to remove a type of record a time after it was closed. Nothing
    is ever removed that no rule covers."""

    record_type = models.CharField(_("records"), max_length=30, choices=RecordType.choices)
    keep_months = models.PositiveIntegerField(
        _("keep for (months)"),
        validators=[MinValueValidator(1), MaxValueValidator(1200)],
        help_text=_(
            "Counted from the decision date (cases), the meeting date (meetings), the closing "
            "date (consultations; one without a closing date is kept), the date held (training "
            "sessions) or the import date (imports)."
        ),
    )
    decision_reference = models.CharField(
        _("retention decision"),
        max_length=200,
        help_text=_("The reference of the decision (gallringsbeslut), e.g. KS 2026/12 § 34."),
    )
    adopted_on = models.DateField(_("adopted on"))

    class Meta:
        verbose_name = _("retention rule")
        verbose_name_plural = _("retention rules")
        ordering = ["organisation", "record_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "record_type"], name="one_rule_per_record_type"
            )
        ]

    def __str__(self):
        return f"{self.get_record_type_display()} ({self.decision_reference})"

    def get_absolute_url(self):
        return reverse("archive:rules", args=[self.organisation_id])

    def permission_scope(self):
        return self.organisation_id, None


class Removal(TenantModel):
    """What one run of a rule removed: kept when the records are gone."""

    rule = models.ForeignKey(
        RetentionRule, verbose_name=_("rule"), null=True, on_delete=models.SET_NULL
    )
    record_type = models.CharField(_("records"), max_length=30, choices=RecordType.choices)
    decision_reference = models.CharField(_("retention decision"), max_length=200)
    cutoff = models.DateField(_("closed before"))
    removed_at = models.DateTimeField(_("removed at"), auto_now_add=True)
    count = models.PositiveIntegerField(_("number removed"))
    record_ids = models.JSONField(_("record ids"), default=list)

    class Meta:
        verbose_name = _("removal")
        verbose_name_plural = _("removals")
        ordering = ["-removed_at", "-id"]

    def __str__(self):
        return f"{self.get_record_type_display()}: {self.count}"


class ArchiveExport(TenantModel):
    """One archive package (E-ARK SIP) made of an organisation's decided cases: kept so that the
    archivist can see what was delivered, when and by whom (the audit entry says who)."""

    objid = models.CharField(_("package id"), max_length=100, unique=True)
    decided_from = models.DateField(_("decided from"))
    decided_to = models.DateField(_("decided to"))
    created_at = models.DateTimeField(_("made at"), auto_now_add=True)
    case_count = models.PositiveIntegerField(_("number of cases"))
    case_ids = models.JSONField(_("case ids"), default=list, blank=True)
    sha256 = models.CharField(_("checksum (SHA-256)"), max_length=64)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    # The job that made it on the page (archive/jobs.py): a job run twice makes one package.
    job = models.OneToOneField(
        "core.Job",
        verbose_name=_("job"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("archive package")
        verbose_name_plural = _("archive packages")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.objid

    @property
    def stored_name(self) -> str:
        """Where a package made on the page is kept (the file storage); none from the command."""
        return f"archive/{self.organisation_id}/{self.objid}.zip"
