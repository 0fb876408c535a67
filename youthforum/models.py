"""The municipality's youth forum (ungdomsforum): its pseudonymous members, meetings, the matters
it raises and the proposals it sends to a committee, with the committee's answer."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TenantModel
from organisations.models import Body


class Forum(TenantModel):
    """A youth forum of an organisation, optionally working with one of its bodies."""

    name = models.CharField(_("name"), max_length=200)
    body = models.ForeignKey(
        "organisations.Body",
        verbose_name=_("works with"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="youth_forums",
        help_text=_("The committee or team the forum works with, if any."),
    )
    description = models.TextField(_("description"), blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("youth forum")
        verbose_name_plural = _("youth forums")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="forum_unique_name_per_organisation"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("youthforum:forum_detail", args=[self.pk])

    def clean(self):
        if (
            self.body_id
            and self.organisation_id
            and self.body.organisation_id != self.organisation_id
        ):
            raise ValidationError({"body": _("The body must belong to the same organisation.")})

    @classmethod
    def visibility_filter(cls, organisation_ids):
        # A joint body's youth forum is seen in every organisation it serves.
        return Body.owned_or_served(organisation_ids)

    def permission_scope(self):
        return self.organisation_id, self.body_id


class ForumPart(TenantModel):
    """Something that belongs to one forum (a `forum` field); roles count in the forum's scope."""

    class Meta:
        abstract = True

    def permission_scope(self):
        return self.organisation_id, self.forum.body_id


class ForumMember(ForumPart):
    """A member known by a pseudonym and an age band. Contact details are kept only with the
    member's consent and only while the membership lasts (see `services.end_membership`)."""

    class AgeBand(models.TextChoices):
        # The same bands as the children's groups in assessments, plus young adults.
        AGE_0_5 = "0-5", _("0–5 years")
        AGE_6_12 = "6-12", _("6–12 years")
        AGE_13_17 = "13-17", _("13–17 years")
        AGE_18_25 = "18-25", _("18–25 years")

    forum = models.ForeignKey(
        Forum, verbose_name=_("youth forum"), on_delete=models.PROTECT, related_name="members"
    )
    pseudonym = models.CharField(
        _("pseudonym"),
        max_length=60,
        help_text=_("A name the member chooses for the forum, not their real name."),
    )
    age_band = models.CharField(_("age"), max_length=5, choices=AgeBand.choices)
    joined_on = models.DateField(_("joined"))
    left_on = models.DateField(_("left"), null=True, blank=True)
    contact_consent = models.BooleanField(
        _("consents to being contacted"),
        default=False,
        help_text=_("Contact details may be stored only with the member's consent."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    # Contact details never enter the append-only audit log: they must be erasable.
    audit_exclude = ("email", "phone")
    CONTACT_FIELDS = ("email", "phone")

    class Meta:
        verbose_name = _("youth forum member")
        verbose_name_plural = _("youth forum members")
        ordering = ["pseudonym"]
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "pseudonym"],
                condition=Q(left_on__isnull=True),
                name="forum_member_unique_current_pseudonym",
                violation_error_message=_(
                    "A current member of the forum already uses that pseudonym."
                ),
            ),
            models.CheckConstraint(
                condition=Q(contact_consent=True) | (Q(email="") & Q(phone="")),
                name="forum_member_contact_only_with_consent",
                violation_error_message=_("Contact details may be stored only with consent."),
            ),
        ]

    def __str__(self):
        return self.pseudonym

    def clean(self):
        if self.left_on and self.joined_on and self.left_on < self.joined_on:
            raise ValidationError({"left_on": _("A member cannot leave before joining.")})
        if self.has_contact_details and self.left_on:
            raise ValidationError(_("Contact details are erased when the membership ends."))

    @property
    def has_contact_details(self) -> bool:
        return any(getattr(self, name) for name in self.CONTACT_FIELDS)

    @property
    def is_current(self) -> bool:
        return self.left_on is None


class ForumMeeting(ForumPart):
    """A meeting of the forum: agenda before, minutes after. Attendance is a number, not names."""

    forum = models.ForeignKey(
        Forum, verbose_name=_("youth forum"), on_delete=models.PROTECT, related_name="meetings"
    )
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    # Agenda and minutes are stored as HTML cleaned by nh3 (core.richtext).
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    attendance = models.PositiveSmallIntegerField(
        _("members present"), null=True, blank=True, help_text=_("A number, not names.")
    )

    class Meta:
        verbose_name = _("youth forum meeting")
        verbose_name_plural = _("youth forum meetings")
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["forum", "-held_on"], name="forum_meeting_date_idx")]

    def __str__(self):
        return f"{self.forum} {self.held_on:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("youthforum:meeting_detail", args=[self.pk])


class ForumMatter(ForumPart):
    """A matter the forum raises, perhaps at one of its meetings."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    forum = models.ForeignKey(
        Forum, verbose_name=_("youth forum"), on_delete=models.PROTECT, related_name="matters"
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    raised_at = models.ForeignKey(
        ForumMeeting,
        verbose_name=_("raised at meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="matters",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )

    class Meta:
        verbose_name = _("youth forum matter")
        verbose_name_plural = _("youth forum matters")
        ordering = ["status", "-id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("youthforum:forum_detail", args=[self.forum_id]) + f"#matter-{self.pk}"

    def clean(self):
        if self.raised_at_id and self.raised_at.forum_id != self.forum_id:
            raise ValidationError({"raised_at": _("The meeting must be one of the forum's.")})


class ForumProposal(ForumPart):
    """A proposal the forum sends to a committee, and the committee's answer."""

    class Status(models.TextChoices):
        SENT = "sent", _("sent, waiting for an answer")
        ACCEPTED = "accepted", _("accepted")
        PARTLY_ACCEPTED = "partly_accepted", _("partly accepted")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    ANSWERS = (Status.ACCEPTED, Status.PARTLY_ACCEPTED, Status.REJECTED)

    forum = models.ForeignKey(
        Forum, verbose_name=_("youth forum"), on_delete=models.PROTECT, related_name="proposals"
    )
    matter = models.ForeignKey(
        ForumMatter,
        verbose_name=_("matter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    committee = models.ForeignKey(
        "organisations.Body",
        verbose_name=_("committee"),
        on_delete=models.PROTECT,
        related_name="youth_forum_proposals",
    )
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("proposal"))
    sent_on = models.DateField(_("sent"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SENT, db_index=True
    )
    answer = models.TextField(_("the committee's answer"), blank=True)
    answered_on = models.DateField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("youth forum proposal")
        verbose_name_plural = _("youth forum proposals")
        ordering = ["-sent_on", "-id"]
        indexes = [
            models.Index(fields=["committee", "status"], name="forum_proposal_committee_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("youthforum:proposal_detail", args=[self.pk])

    @classmethod
    def visibility_filter(cls, organisation_ids):
        # The committee's side sees what was sent to it: its host and, for a joint committee,
        # the organisations it serves.

        joint_ids = Body.joint_body_ids(organisation_ids)
        return (
            Q(organisation_id__in=organisation_ids)
            | Q(committee__organisation_id__in=organisation_ids)
            | Q(committee_id__in=joint_ids)
        )

    def answer_scope(self):
        """Where a role allows recording the answer: the committee's own organisation."""
        return self.committee.organisation_id, self.committee_id

    @property
    def is_waiting(self) -> bool:
        return self.status == self.Status.SENT
