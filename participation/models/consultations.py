"""A consultation: what the children are asked, whom, how and when."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import TenantModel

# The age bands are shared with the population they are compared with (organisations).
from organisations.models import AgeBand, Body

# Letters and digits that cannot be mistaken for each other when typed from a poster.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
CLASS_CODE_LENGTH = 8


def new_code(length: int = CODE_LENGTH) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalise_code(value: str) -> str:
    """A code as a child may type it: in lower case, with spaces or hyphens."""
    return "".join(value.split()).replace("-", "").upper()


class Channel(models.TextChoices):
    ONLINE = "online", _("online")
    MEETING = "meeting", _("meeting")
    SCHOOL_CLASS = "school_class", _("school class")
    FOCUS_GROUP = "focus_group", _("focus group")


class Consultation(TenantModel):
    """Children are asked about a matter: online from a link or code, and at meetings."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")
        ANSWERED = "answered", _("answered")

    body = models.ForeignKey(
        "organisations.Body",
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=200)
    code = models.CharField(_("code"), max_length=12, unique=True, editable=False)
    introduction = models.TextField(
        _("introduction for the children"),
        help_text=_("What the question is about, in the children's words."),
    )
    privacy_text = models.TextField(
        _("what happens with the answers"),
        blank=True,
        help_text=_(
            "Who reads what the children write and what happens with it. Leave empty for the "
            "standard text."
        ),
    )
    age_bands = models.JSONField(_("age bands"), default=list, blank=True)
    target_group = models.CharField(
        _("target group"),
        max_length=200,
        blank=True,
        help_text=_("For example a school, an area or a group of children."),
    )
    # The schools or areas the consultation asks in, one per line: a child picks one (or none)
    # and class codes name one. Only these labels are stored with an answer (decision 0043).
    areas = models.TextField(
        _("schools or areas"),
        blank=True,
        default="",
        db_default="",
        help_text=_(
            "Optional, one per line. The children choose one (or none), so that you see which "
            "schools or areas answered and which did not."
        ),
    )
    channels = models.JSONField(_("channels"), default=list, blank=True)
    opens_on = models.DateField(_("opens"), null=True, blank=True)
    closes_on = models.DateField(_("closes"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    offered_in_english = models.BooleanField(_("also offered in English"), default=False)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    introduction_en = models.TextField(_("introduction in English"), blank=True)
    ask_gender = models.BooleanField(_("ask for gender (optional for the child)"), default=False)
    requires_class_code = models.BooleanField(
        _("answers need a class code"),
        default=False,
        help_text=_("One-time codes that a teacher hands out; each can be used once."),
    )
    cases = models.ManyToManyField(
        "assessments.Case", verbose_name=_("cases"), blank=True, related_name="consultations"
    )
    activities = models.ManyToManyField(
        "planning.Activity",
        verbose_name=_("plan activities"),
        blank=True,
        related_name="consultations",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Raised by the services whenever staff change what the results show (questions, moderation,
    # views from meetings): part of the cached results' key (participation.results.cached).
    # Children's answers change the key through the responses' count and last id instead, so
    # that a submission never writes to this row.
    results_version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-id"]
        indexes = [models.Index(fields=["organisation", "status"], name="consultation_org_idx")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.code:
            self.code = self._free_code()
        super().save(*args, **kwargs)

    @staticmethod
    def _free_code() -> str:
        while True:
            code = new_code()
            if not Consultation.objects.filter(code=code).exists():
                return code

    def clean(self):
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The closing date is before the opening date.")})
        unknown = set(self.age_bands) - set(AgeBand.values)
        if unknown:
            raise ValidationError({"age_bands": _("Unknown age band.")})

    def get_absolute_url(self):
        return reverse("participation:consultation_detail", args=[self.pk])

    def children_path(self) -> str:
        return reverse("participation:child_page", args=[self.code])

    @classmethod
    def visibility_filter(cls, organisation_ids):
        # A joint body's consultation is seen in every organisation it serves.
        return Body.owned_or_served(organisation_ids)

    def permission_scope(self):
        return self.organisation_id, self.body_id

    def accepts_answers(self, today=None) -> bool:
        today = today or timezone.localdate()
        if self.status != self.Status.OPEN:
            return False
        if self.opens_on and today < self.opens_on:
            return False
        return not (self.closes_on and today > self.closes_on)

    def band_labels(self) -> list[str]:
        labels = dict(AgeBand.choices)
        return [str(labels[band]) for band in self.age_bands if band in labels]

    def area_list(self) -> list[str]:
        """The listed schools or areas in order, each once."""
        return list(dict.fromkeys(line.strip() for line in self.areas.splitlines() if line.strip()))

    def channel_labels(self) -> list[str]:
        labels = dict(Channel.choices)
        return [str(labels[channel]) for channel in self.channels if channel in labels]


class Question(models.Model):
    """One question of a consultation. Choices are kept as lists of texts."""

    class Kind(models.TextChoices):
        TEXT = "text", _("free text")
        SINGLE = "single", _("single choice")
        MULTIPLE = "multiple", _("multiple choice")
        SCALE = "scale", _("scale 1–5 with faces")
        RANKING = "ranking", _("ranking of options")

    class ScaleWords(models.TextChoices):
        """The words under the scale's five faces, chosen to fit the question (issue 22: "Hur
        viktigt …?" must not be answered with "Mycket dåligt")."""

        GOOD = "good", _("very bad … very good")
        IMPORTANT = "important", _("not important at all … very important")
        AGREE = "agree", _("do not agree at all … agree completely")

    CHOICE_KINDS = frozenset({Kind.SINGLE, Kind.MULTIPLE, Kind.RANKING})

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("question"))
    text_en = models.TextField(_("question in English"), blank=True)
    options = models.JSONField(_("options"), default=list, blank=True)
    options_en = models.JSONField(_("options in English"), default=list, blank=True)
    required = models.BooleanField(_("an answer is needed"), default=False)
    scale_words = models.CharField(
        _("words on the scale"),
        max_length=12,
        choices=ScaleWords.choices,
        default=ScaleWords.GOOD,
        db_default=ScaleWords.GOOD,
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["consultation", "position", "id"]

    def __str__(self):
        return self.text[:80]

    def clean(self):
        if self.kind in self.CHOICE_KINDS and len(self.options) < 2:
            raise ValidationError({"options": _("Give at least two options.")})
        if self.options_en and len(self.options_en) != len(self.options):
            raise ValidationError(
                {"options_en": _("Give the English options in the same number and order.")}
            )

    def audit_organisation_id(self):
        return self.consultation.organisation_id

    def label(self, english: bool = False) -> str:
        return self.text_en if english and self.text_en else self.text

    def option_labels(self, english: bool = False) -> list[str]:
        return self.options_en if english and self.options_en else self.options


class ClassCode(models.Model):
    """A one-time code a teacher hands out, so that each child in a class answers once."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="class_codes"
    )
    code = models.CharField(_("code"), max_length=12, unique=True)
    used_on = models.DateField(_("used"), null=True, blank=True)
    # The school or class group (from the consultation's list) the code was handed out to: an
    # answer given with the code counts under it, without asking the child.
    area = models.CharField(
        _("school or area"), max_length=100, blank=True, default="", db_default=""
    )

    class Meta:
        verbose_name = _("class code")
        verbose_name_plural = _("class codes")
        ordering = ["id"]

    def __str__(self):
        return self.code

    def audit_organisation_id(self):
        return self.consultation.organisation_id


class ParticipationSettings(TenantModel):
    """An organisation's settings for consultations: retention and the names to screen for."""

    retention_months = models.PositiveSmallIntegerField(
        _("keep answers for (months)"),
        default=24,
        help_text=_("After this, answers are removed (gallring), as the document plan says."),
    )
    screened_names = models.TextField(
        _("names to mask in free text"),
        blank=True,
        help_text=_("One name per line, for example the names of staff the children know."),
    )

    class Meta:
        verbose_name = _("participation settings")
        verbose_name_plural = _("participation settings")
        constraints = [
            models.UniqueConstraint(fields=["organisation"], name="one_participation_settings")
        ]

    def __str__(self):
        return str(_("Participation settings"))
