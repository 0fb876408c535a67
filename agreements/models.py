"""Agreements between organisations (samverkansavtal) and a body's regulations (reglemente), as
records: who is a party, for how long, who pays what, who decided it and who carries it out."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import TenantModel
from organisations.models import Adoption, Body


def party_agreement_ids(organisation_ids) -> list[int]:
    """Agreements these organisations are parties to, read as a short list so that both sides
    of the visibility OR can use an index (as `Body.joint_body_ids` does)."""
    memo = getattr(organisation_ids, "memo", {})  # core.tenancy.OrganisationIds
    if "party_agreement_ids" not in memo:
        ids = AgreementParty.objects.filter(party_id__in=organisation_ids).values_list(
            "agreement_id", flat=True
        )
        memo["party_agreement_ids"] = sorted(set(ids))
    return memo["party_agreement_ids"]


class Agreement(Adoption, TenantModel):
    """An agreement between organisations, kept by the organisation that records it (usually
    the host of the body that carries it out) and seen by every party."""

    class Kind(models.TextChoices):
        COOPERATION = "cooperation", _("cooperation agreement")
        OTHER = "other", _("other agreement")

    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.COOPERATION
    )
    title = models.CharField(_("title"), max_length=200)
    purpose = models.TextField(_("purpose and content"), blank=True)
    starts_on = models.DateField(_("valid from"))
    ends_on = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Empty: until further notice.")
    )
    carried_out_by = models.ForeignKey(
        "organisations.Body",
        verbose_name=_("carried out by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The committee or team that does the work the agreement describes."),
    )
    url = models.URLField(_("link"), max_length=1000, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = pgettext_lazy("between organisations", "agreement")
        verbose_name_plural = pgettext_lazy("between organisations", "agreements")
        ordering = ["-starts_on", "title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="agreement_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agreements:agreement_detail", args=[self.pk])

    @classmethod
    def visibility_filter(cls, organisation_ids):
        return Q(organisation_id__in=organisation_ids) | Q(
            pk__in=party_agreement_ids(organisation_ids)
        )

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The agreement ends before it starts.")})

    def permission_scope(self):
        # The body that carries it out keeps it too (the team's coordinator, for example).
        return self.organisation_id, self.carried_out_by_id

    def is_in_force(self, today: datetime.date) -> bool:
        return self.starts_on <= today and (self.ends_on is None or today <= self.ends_on)


class AgreementParty(TenantModel):
    """One party to an agreement and its share of the funding. `organisation` is the
    agreement's (who keeps the record); `party` is the organisation that signed."""

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=pgettext_lazy("between organisations", "agreement"),
        on_delete=models.CASCADE,
        related_name="parties",
    )
    party = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("party"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    funding_share = models.DecimalField(
        _("share of the funding (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    funding_note = models.CharField(
        _("about the funding"),
        max_length=300,
        blank=True,
        help_text=_("For example how the share is reckoned, or that it is not yet known."),
    )

    class Meta:
        verbose_name = _("party to an agreement")
        verbose_name_plural = _("parties to agreements")
        ordering = ["party__name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "party"], name="agreement_party_once_per_agreement"
            ),
            models.CheckConstraint(
                condition=Q(funding_share__isnull=True)
                | Q(funding_share__gte=0, funding_share__lte=100),
                name="agreement_party_share_is_a_percentage",
            ),
        ]

    def __str__(self):
        return str(self.party)

    def get_absolute_url(self):
        return self.agreement.get_absolute_url()

    @classmethod
    def visibility_filter(cls, organisation_ids):
        return Q(organisation_id__in=organisation_ids) | Q(
            agreement_id__in=party_agreement_ids(organisation_ids)
        )

    def permission_scope(self):
        return self.organisation_id, None


class Regulation(Adoption, TenantModel):
    """A body's regulations (reglemente): what the body is responsible for, as adopted. Seen
    where the body is seen, so a joint committee's regulations by every organisation it serves."""

    body = models.ForeignKey(
        "organisations.Body",
        verbose_name=_("body"),
        on_delete=models.PROTECT,
        related_name="regulations",
    )
    title = models.CharField(_("title"), max_length=200)
    responsibilities = models.TextField(
        _("responsibilities"), blank=True, help_text=_("What the body is responsible for.")
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    url = models.URLField(_("link"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("regulations")
        verbose_name_plural = _("regulations")
        ordering = ["body__name", "-valid_from", "id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agreements:regulation_detail", args=[self.pk])

    @classmethod
    def visibility_filter(cls, organisation_ids):
        return Q(organisation_id__in=organisation_ids) | Q(
            body_id__in=Body.joint_body_ids(organisation_ids)
        )

    def clean(self):
        mismatch = self.body_id and self.body.organisation_id != self.organisation_id
        if mismatch:
            raise ValidationError({"body": _("The body belongs to another organisation.")})

    def permission_scope(self):
        return self.organisation_id, self.body_id
