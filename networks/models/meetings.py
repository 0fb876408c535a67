"""Meetings that repeat, who attended them, and the partners outside the municipalities.

Seed 000: Folkhälsonämnden invites every committee and board "regelbundet" to the
cross-sectoral network, four times a year; partners such as associations, companies and
Rädda Barnen take part without being users of Barnrätt.
"""

import datetime
import itertools

from dateutil import rrule
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.models import TenantModel
from organisations.models import Body

from .network import Network, NetworkMeeting, in_member_networks

# A series never makes more meetings than this: a typo in the end date must not fill the list.
MAX_MEETINGS_IN_SERIES = 60


class MeetingSeries(TenantModel):
    """A recurrence of a network's meetings ("four times a year until 2027"): it generates dated
    meetings, each then kept on its own (agenda, notes, attendance, cases)."""

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", _("every week")
        MONTHLY = "monthly", _("every month")
        YEARLY = "yearly", _("every year")

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="series"
    )
    title = models.CharField(_("title"), max_length=200)
    place = models.CharField(_("place"), max_length=200, blank=True)
    frequency = models.CharField(
        _("repeats"), max_length=10, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    interval = models.PositiveSmallIntegerField(
        _("interval"),
        default=3,
        help_text=_("Every how many weeks, months or years: every 3 months is four times a year."),
    )
    starts_on = models.DateField(_("first meeting"))
    ends_on = models.DateField(_("last possible date"))

    class Meta:
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")
        ordering = ["starts_on", "id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("networks:series_detail", args=[self.pk])

    def clean(self):
        if self.starts_on and self.ends_on:
            if self.ends_on < self.starts_on:
                raise ValidationError({"ends_on": _("The series must end after it starts.")})
            if len(self.occurrences()) > MAX_MEETINGS_IN_SERIES:
                raise ValidationError(
                    _("A series makes at most %(count)d meetings; choose an earlier end.")
                    % {"count": MAX_MEETINGS_IN_SERIES}
                )

    @property
    def rhythm(self) -> str:
        """ "every 3 months" and the like, for the pages."""
        texts = {
            self.Frequency.WEEKLY: ngettext("every week", "every %(n)d weeks", self.interval),
            self.Frequency.MONTHLY: ngettext("every month", "every %(n)d months", self.interval),
            self.Frequency.YEARLY: ngettext("every year", "every %(n)d years", self.interval),
        }
        return texts[self.frequency] % {"n": self.interval}

    def occurrences(self) -> list[datetime.date]:
        """The dates of the series, from python-dateutil's recurrence rules (RFC 5545)."""
        frequency = {
            self.Frequency.WEEKLY: rrule.WEEKLY,
            self.Frequency.MONTHLY: rrule.MONTHLY,
            self.Frequency.YEARLY: rrule.YEARLY,
        }[self.frequency]
        dates = rrule.rrule(
            frequency, interval=max(self.interval, 1), dtstart=self.starts_on, until=self.ends_on
        )
        # One past the limit is enough for `clean` to refuse; a long series is never expanded.
        return [moment.date() for moment in itertools.islice(dates, MAX_MEETINGS_IN_SERIES + 1)]

    @classmethod
    def visibility_filter(cls, organisation_ids):
        return in_member_networks(organisation_ids)

    def permission_scope(self):
        return self.organisation_id, self.network.convened_by_id


class NetworkPartner(TenantModel):
    """A partner outside the member organisations (an association, a company, Rädda Barnen):
    not a user. Its contact details are kept only as far as the partner has consented."""

    class Kind(models.TextChoices):
        ASSOCIATION = "association", _("association")
        COMPANY = "company", _("company")
        CIVIL_SOCIETY = "civil_society", _("civil-society organisation")
        AUTHORITY = "authority", _("public authority")
        OTHER = "other", _("other")

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="partners"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.CharField(_("what they contribute"), max_length=500, blank=True)
    contact_consent = models.BooleanField(
        _("consents to contact details being kept"),
        default=False,
        help_text=_("Without consent only the partner's name and kind are kept."),
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("network partner")
        verbose_name_plural = _("partners")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["network", "name"], name="network_partner_unique"),
            # The database keeps the promise the form makes: no details without consent.
            models.CheckConstraint(
                condition=Q(contact_consent=True) | Q(contact_name="", email="", phone=""),
                name="network_partner_details_need_consent",
                violation_error_message=_("Contact details may be stored only with consent."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("networks:network_detail", args=[self.network_id]) + "#partners"

    def clean(self):
        if not self.contact_consent and (self.contact_name or self.email or self.phone):
            raise ValidationError(
                {"contact_consent": _("Contact details are kept only with the partner's consent.")}
            )

    @classmethod
    def visibility_filter(cls, organisation_ids):
        return in_member_networks(organisation_ids)

    def permission_scope(self):
        return self.organisation_id, self.network.convened_by_id


class MeetingAttendance(TenantModel):
    """Who attended a meeting: for a member body, how many elected representatives or officials;
    for a partner, that it was there."""

    class Capacity(models.TextChoices):
        ELECTED = "elected", _("elected representatives")
        OFFICIAL = "official", _("officials")
        PARTNER = "partner", _("network partner")

    meeting = models.ForeignKey(
        NetworkMeeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="attendance",
    )
    body = models.ForeignKey(
        Body,
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    partner = models.ForeignKey(
        NetworkPartner,
        verbose_name=_("network partner"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attendance",
    )
    capacity = models.CharField(_("as"), max_length=10, choices=Capacity.choices)
    attendees = models.PositiveSmallIntegerField(_("number present"), default=1)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["body__name", "partner__name", "capacity"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    body__isnull=False, partner__isnull=True, capacity__in=["elected", "official"]
                )
                | Q(body__isnull=True, partner__isnull=False, capacity="partner"),
                name="meeting_attendance_body_or_partner",
                violation_error_message=_(
                    "Attendance is recorded for a member body or for a partner."
                ),
            ),
            models.UniqueConstraint(
                fields=["meeting", "body", "capacity"],
                condition=Q(body__isnull=False),
                name="meeting_attendance_unique_body",
                violation_error_message=_(
                    "That body's attendance is already recorded for the meeting."
                ),
            ),
            models.UniqueConstraint(
                fields=["meeting", "partner"],
                condition=Q(partner__isnull=False),
                name="meeting_attendance_unique_partner",
                violation_error_message=_(
                    "That partner's attendance is already recorded for the meeting."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.body or self.partner}: {self.attendees} ({self.get_capacity_display()})"

    def get_absolute_url(self):
        return reverse("networks:meeting_detail", args=[self.meeting_id]) + "#attendance"

    @classmethod
    def visibility_filter(cls, organisation_ids):
        return in_member_networks(organisation_ids, prefix="meeting__")

    def permission_scope(self):
        return self.organisation_id, self.meeting.network.convened_by_id
