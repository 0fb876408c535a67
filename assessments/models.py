"""Cases, versioned assessment templates, assessments of the child's best interests, reviews
and decisions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TenantModel
from core.richtext import plain
from core.tenancy import TenantQuerySet
from organisations.models import Body


class AssessmentTemplate(models.Model):
    """A named template. Shipped templates have no organisation and are offered to everyone;
    an organisation's own copies belong to it."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    key = models.SlugField(_("key"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    copied_from = models.ForeignKey(
        "self", verbose_name=_("copied from"), null=True, blank=True, on_delete=models.SET_NULL
    )

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessment template")
        verbose_name_plural = _("assessment templates")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "key"], name="template_unique_key_per_organisation"
            ),
            models.UniqueConstraint(
                fields=["key"],
                condition=Q(organisation__isnull=True),
                name="template_unique_shipped_key",
                violation_error_message=_("A shipped template with that key already exists."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("assessments:template_detail", args=[self.pk])

    @classmethod
    def visibility_filter(cls, organisation_ids):
        return Q(organisation__isnull=True) | Q(organisation_id__in=organisation_ids)

    def permission_scope(self):
        return self.organisation_id, None

    def audit_organisation_id(self):
        return self.organisation_id

    @property
    def is_shipped(self) -> bool:
        return self.organisation_id is None

    def published_versions(self):
        return self.versions.filter(status=TemplateVersion.Status.PUBLISHED)


class TemplateVersion(models.Model):
    """One version of a template: its sections and questions as data. Once published it never
    changes; assessments keep the version they were made with."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    template = models.ForeignKey(
        AssessmentTemplate,
        verbose_name=_("template"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    sections = models.JSONField(_("sections and questions"), default=list, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("template version")
        verbose_name_plural = _("template versions")
        ordering = ["template", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["template", "number"], name="template_version_unique_number"
            ),
        ]

    def __str__(self):
        return f"{self.template} v{self.number}"

    def save(self, *args, **kwargs):
        if self.pk and not self._state.adding:
            stored = (
                TemplateVersion.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            )
            if stored == self.Status.PUBLISHED:
                raise PermissionError("A published template version never changes.")
        super().save(*args, **kwargs)

    @classmethod
    def visibility_filter(cls, organisation_ids):
        return Q(template__organisation__isnull=True) | Q(
            template__organisation_id__in=organisation_ids
        )

    def audit_organisation_id(self):
        return self.template.organisation_id

    def permission_scope(self):
        return self.template.organisation_id, None

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Case(TenantModel):
    """A matter (ärende) that a body will decide."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        IN_PREPARATION = "in_preparation", _("in preparation")
        READY_FOR_DECISION = "ready_for_decision", _("ready for decision")
        DECIDED = "decided", _("decided")
        RETURNED = "returned", _("returned")

    body = models.ForeignKey(
        "organisations.Body", verbose_name=_("body"), on_delete=models.PROTECT, related_name="cases"
    )
    case_number = models.CharField(_("case number"), max_length=60)
    # NULL, not "", for cases without one: the per-organisation unique constraint ignores NULLs.
    external_id = models.CharField(  # noqa: DJ001
        _("id in the case-management system"), max_length=100, null=True, blank=True
    )
    title = models.CharField(_("title"), max_length=300)
    # Stored as sanitised HTML (core.richtext): it often comes from a case-management system.
    description = models.TextField(_("description"), blank=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
    )
    planned_decision_date = models.DateField(_("planned decision date"), null=True, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Every save (core.audit.update_object saves it too): the API's `updated_since` reads it.
    updated_at = models.DateTimeField(_("last changed"), auto_now=True, db_default=Now())
    # Lower-cased title, number and description: SQLite's LIKE folds only ASCII case.
    search_text = models.TextField(editable=False, default="")

    audit_exclude = ("updated_at",)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        # Newest first. The id is the order of creation (created_at is set on insert) and,
        # unlike the time, unique: lists page by it (core.keyset).
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "case_number"], name="case_unique_number_per_organisation"
            ),
            models.UniqueConstraint(
                fields=["organisation", "external_id"],
                name="case_unique_external_id_per_organisation",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "-id"], name="case_org_recent_idx"),
            models.Index(fields=["organisation", "status", "-id"], name="case_org_status_idx"),
            models.Index(fields=["body", "-id"], name="case_body_idx"),
            # The API's `updated_since`: an organisation's cases changed since a moment.
            models.Index(fields=["organisation", "updated_at"], name="case_org_updated_idx"),
        ]

    def __str__(self):
        return f"{self.case_number} {self.title}"

    def save(self, *args, **kwargs):
        text = plain(self.description)
        self.search_text = f"{self.case_number} {self.title} {text}".casefold()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("assessments:case_detail", args=[self.pk])

    @classmethod
    def visibility_filter(cls, organisation_ids):
        # A joint body's cases belong to its host but are seen by the organisations it serves.

        joint_ids = Body.joint_body_ids(organisation_ids)
        return Q(organisation_id__in=organisation_ids) | Q(body_id__in=joint_ids)

    @classmethod
    def visibility_parts(cls, organisation_ids):
        # One part per organisation and joint body: each is an index range in id order
        # (case_org_recent_idx, case_body_idx), so a page reads a few rows of each.

        return [Q(organisation_id=pk) for pk in organisation_ids] + [
            Q(body_id=pk) for pk in Body.joint_body_ids(organisation_ids)
        ]

    def permission_scope(self):
        return self.organisation_id, self.body_id


class Assessment(TenantModel):
    """The assessment of the child's best interests for one case, made with one template version."""

    class ChildrenAffected(models.TextChoices):
        YES = "yes", _("yes")
        NO = "no", _("no")
        UNKNOWN = "unknown", _("don't know")

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("in progress")
        SUBMITTED = "submitted", _("submitted for review")
        APPROVED = "approved", _("approved")
        RETURNED = "returned", _("returned")

    case = models.OneToOneField(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="assessment"
    )
    template_version = models.ForeignKey(
        TemplateVersion,
        verbose_name=_("template version"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_PROGRESS
    )
    # Copied from the answers so that lists can filter on them without reading JSON.
    children_affected = models.CharField(
        _("children affected"),
        max_length=10,
        choices=ChildrenAffected.choices,
        blank=True,
        db_index=True,
    )
    articles = models.ManyToManyField("convention.Article", verbose_name=_("articles"), blank=True)
    summary = models.TextField(_("summary for the officer's report"), blank=True)
    lock_version = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last saved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    audit_exclude = ("lock_version", "updated_at")

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        indexes = [
            # The case list's "children affected" filter, per organisation in case order: the
            # list's keyset reads each organisation's range (assessments.filters).
            models.Index(
                fields=["organisation", "children_affected", "case"],
                name="assessment_org_affected_idx",
            ),
            # The API's `updated_since` also finds cases whose assessment changed.
            models.Index(fields=["organisation", "updated_at"], name="assessment_org_updated_idx"),
        ]

    def __str__(self):
        return str(_("Assessment for %(case)s")) % {"case": self.case}

    def get_absolute_url(self):
        return reverse("assessments:assessment_edit", args=[self.case_id])

    def permission_scope(self):
        return self.organisation_id, self.case.body_id


class Review(TenantModel):
    """A reviewer's verdict on a submitted assessment: approved, or returned with comments."""

    class Outcome(models.TextChoices):
        APPROVED = "approved", _("approved")
        RETURNED = "returned", _("returned")

    assessment = models.ForeignKey(
        Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    comments = models.TextField(_("comments"), blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_outcome_display()} – {self.assessment.case}"

    def permission_scope(self):
        return self.organisation_id, self.assessment.case.body_id


class Decision(TenantModel):
    """How the body decided and how the decision weighed the child's best interests."""

    case = models.OneToOneField(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="decision"
    )
    outcome = models.TextField(_("decision"))
    decided_on = models.DateField(_("decision date"))
    follows_best_interests = models.BooleanField(
        _("the decision follows the assessed best interests of the child")
    )
    reasons = models.TextField(_("reasons where it does not"), blank=True)
    compensating_measures = models.TextField(_("compensating measures"), blank=True)
    # Issue 22: how the children's own views were weighed, and why, where they did not shape
    # the decision; the first draft of the feedback to the children (participation).
    childrens_views_weighed = models.TextField(
        _("how the children's views were weighed"), blank=True, db_default=""
    )
    feedback_plan = models.TextField(_("how the children hear back"), blank=True)
    follow_up_date = models.DateField(_("follow-up date"), null=True, blank=True, db_index=True)
    follow_up_done_on = models.DateField(_("followed up on"), null=True, blank=True)
    follow_up_notes = models.TextField(_("follow-up notes"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    # What the decision-maker records; the form and the API both use this list.
    RECORDED_FIELDS = [
        "outcome",
        "decided_on",
        "follows_best_interests",
        "reasons",
        "compensating_measures",
        "childrens_views_weighed",
        "feedback_plan",
        "follow_up_date",
    ]

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self):
        return str(_("Decision in %(case)s")) % {"case": self.case}

    def permission_scope(self):
        return self.organisation_id, self.case.body_id

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if not self.follows_best_interests:
            if not self.reasons.strip():
                errors["reasons"] = _(
                    "Give the reasons when the decision goes against the child's best interests."
                )
            if not self.compensating_measures.strip():
                errors["compensating_measures"] = _(
                    "Describe the compensating measures when the decision goes against the "
                    "child's best interests."
                )
        if errors:
            raise ValidationError(errors)


def attachment_path(instance, filename):
    # The name was generated by core.uploads.stored_name; only the organisation is added.
    return f"attachments/{instance.organisation_id}/{filename}"


class Attachment(TenantModel):
    """A document or a link attached to a case."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=attachment_path, blank=True)
    original_name = models.CharField(_("file name"), max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    url = models.URLField(_("link"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(url="") & ~Q(file="")) | (~Q(url="") & Q(file="")),
                name="attachment_is_file_or_link",
                violation_error_message=_("Attach either a file or a link, not both."),
            ),
        ]

    def __str__(self):
        return self.title

    def permission_scope(self):
        return self.organisation_id, self.case.body_id
