"""What children answered online, what was said at meetings, and the feedback to them.

Nothing here identifies a child: an age band, optionally a gender, the date (not the time) and
the answers. Free text is screened before anyone but the dialogue leader sees it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import TenantModel

from .consultations import AgeBand, Channel, ClassCode, Consultation, Question


class Response(TenantModel):
    """One child's answers, submitted once.

    Every index is written with every answer, when a whole municipality's schools may answer in
    the same lesson: the organisation and the consultation have none of their own, since the
    age index and the once-only constraint begin with them, and a class code's index holds only
    the responses that have one."""

    class Gender(models.TextChoices):
        GIRL = "girl", _("girl")
        BOY = "boy", _("boy")
        OTHER = "other", _("other")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="responses", db_index=False
    )
    submitted_on = models.DateField(_("submitted"))
    age_band = models.CharField(_("age"), max_length=10, choices=AgeBand.choices)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    # One label from the consultation's list of schools or areas (or the class code's), never
    # the child's own words; empty when not asked or not given.
    area = models.CharField(
        _("school or area"), max_length=100, blank=True, default="", db_default=""
    )
    # The form's one-time key: the same form posted twice stores one response.
    submission_key = models.CharField(max_length=64, editable=False)
    # Sent past the limit for one address (participation/abuse.py): stored, but kept out of
    # results, counts and exports until a person lets it through in moderation. Nothing that
    # links a response to a device is stored (decision 0035).
    suspected_flood = models.BooleanField(
        _("suspected flood"), default=False, db_default=False, editable=False
    )
    class_code = models.ForeignKey(
        ClassCode,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "submission_key"], name="response_submitted_once"
            )
        ]
        indexes = [
            models.Index(fields=["organisation", "submitted_on"], name="response_age_idx"),
            models.Index(
                fields=["class_code"],
                name="response_class_code_idx",
                condition=Q(class_code__isnull=False),
            ),
        ]

    def __str__(self):
        return f"{self.consultation} #{self.pk}"


class Answer(models.Model):
    """The answer to one question. `value` holds choices (option indexes), a scale step or a
    ranking (option indexes, first is best); `text` holds free text as the child wrote it."""

    class Moderation(models.TextChoices):
        NOT_NEEDED = "not_needed", _("not needed")
        PENDING = "pending", _("waiting for moderation")
        APPROVED = "approved", _("approved")
        HIDDEN = "hidden", _("hidden")

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    value = models.JSONField(null=True, blank=True)
    text = models.TextField(blank=True)
    masked_text = models.TextField(blank=True)
    screening_reasons = models.JSONField(default=list, blank=True)
    moderation = models.CharField(
        max_length=20, choices=Moderation.choices, default=Moderation.NOT_NEEDED
    )

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["id"]

    def __str__(self):
        return f"{self.question} #{self.pk}"

    def audit_organisation_id(self):
        return self.response.organisation_id

    @property
    def shown_to_others(self) -> bool:
        """Whether people other than the dialogue leader may read the (masked) text."""
        return self.moderation in (self.Moderation.NOT_NEEDED, self.Moderation.APPROVED)


class OfflineVoice(TenantModel):
    """What children said at a meeting, in a school class or a focus group."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="offline_voices"
    )
    held_on = models.DateField(_("date"))
    channel = models.CharField(
        _("how"),
        max_length=20,
        choices=[c for c in Channel.choices if c[0] != Channel.ONLINE],
    )
    children_count = models.PositiveIntegerField(_("number of children"))
    age_bands = models.JSONField(_("age bands"), default=list, blank=True)
    how_collected = models.TextField(_("how the views were collected"), blank=True)
    points = models.TextField(_("what the children said"), help_text=_("One point per line."))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("views from a meeting")
        verbose_name_plural = _("views from meetings")
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return f"{self.get_channel_display()} {self.held_on:%Y-%m-%d}"

    def permission_scope(self):
        return self.organisation_id, self.consultation.body_id

    def point_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.points.splitlines() if line.strip(" -•\t")]


class Feedback(TenantModel):
    """ "Det här hände": what was decided, how the children's views counted, and why."""

    consultation = models.OneToOneField(
        Consultation, on_delete=models.CASCADE, related_name="feedback"
    )
    what_was_decided = models.TextField(_("what was decided"))
    how_views_counted = models.TextField(_("how your views counted"))
    why = models.TextField(_("why"))
    what_was_decided_en = models.TextField(_("what was decided (English)"), blank=True)
    how_views_counted_en = models.TextField(_("how your views counted (English)"), blank=True)
    why_en = models.TextField(_("why (English)"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("feedback to the children")
        verbose_name_plural = _("feedback to the children")

    def __str__(self):
        return str(_("Feedback: %(title)s") % {"title": self.consultation})

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def parts(self, english: bool = False) -> list[tuple[str, str]]:
        def pick(name):
            return (english and getattr(self, f"{name}_en")) or getattr(self, name)

        return [
            (_("What was decided"), pick("what_was_decided")),
            (_("How your views counted"), pick("how_views_counted")),
            (_("Why"), pick("why")),
        ]
