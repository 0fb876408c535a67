"""What a network holds beyond its members: contact persons, meetings, and what members share.

The network itself (`organisations.Network`) and its joint plan (`planning.ActionPlan.network`)
live in their own apps. Everything here is seen by the network's members only, through
`Network.member_network_ids`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TenantModel


def in_member_networks(organisation_ids, prefix: str = "") -> Q:
    from organisations.models import Network

    return Q(**{f"{prefix}network_id__in": Network.member_network_ids(organisation_ids)})


class NetworkContact(TenantModel):
    """A member organisation's contact person in a network: a staff user with a role there.
    The organisation is the member the person speaks for."""

    network = models.ForeignKey(
        "organisations.Network",
        verbose_name=_("network"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    role = models.CharField(
        _("role in the network"),
        max_length=200,
        help_text=_("For example “contact person” or “child-rights strategist”."),
    )

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["organisation__name", "user__last_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "organisation", "user"], name="network_contact_unique"
            ),
        ]

    def __str__(self):
        return f"{self.user.get_full_name() or self.user} ({self.role})"

    def get_absolute_url(self):
        return reverse("organisations:network_detail", args=[self.network_id]) + "#contacts"

    @classmethod
    def visibility_filter(cls, organisation_ids):
        return in_member_networks(organisation_ids)

    def permission_scope(self):
        return self.organisation_id, None


class NetworkMeeting(TenantModel):
    """A meeting of the network, convened by its owning organisation: when, where, the agenda
    and the notes (cleaned rich text)."""

    network = models.ForeignKey(
        "organisations.Network",
        verbose_name=_("network"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), max_length=20000, blank=True)
    notes = models.TextField(_("notes"), max_length=50000, blank=True)

    class Meta:
        verbose_name = _("network meeting")
        verbose_name_plural = _("network meetings")
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["network", "-held_on"], name="network_meeting_date_idx")]

    def __str__(self):
        return f"{self.title} ({self.held_on:%Y-%m-%d})"

    def get_absolute_url(self):
        return reverse("networks:meeting_detail", args=[self.pk])

    def clean(self):
        if self.network_id and self.organisation_id != self.network.organisation_id:
            raise ValidationError(_("A meeting belongs to the network's convening organisation."))

    @classmethod
    def visibility_filter(cls, organisation_ids):
        return in_member_networks(organisation_ids)

    def permission_scope(self):
        return self.organisation_id, None


class SavedComparison(TenantModel):
    """An indicator comparison as chosen on the indicators' comparison page: the organisation's
    own area, the indicator and the areas set beside it."""

    indicator = models.ForeignKey(
        "indicators.Indicator",
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    compare = models.JSONField(_("compared with (SCB codes)"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("saved comparison")
        verbose_name_plural = _("saved comparisons")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.indicator} – {self.organisation}"

    def permission_scope(self):
        return self.organisation_id, None


ITEM_FIELD_NAMES = ("policy", "report_version", "example", "comparison", "template")
ITEM_KINDS = {
    "policy": "policy",
    "report": "report_version",
    "example": "example",
    "comparison": "comparison",
    "template": "template",
}


def _one_item_of_its_kind() -> Q:
    """Each kind sets its own item field and leaves every other item field empty."""
    condition = Q()
    for kind, field in ITEM_KINDS.items():
        others = {f"{name}__isnull": True for name in ITEM_FIELD_NAMES if name != field}
        condition |= Q(kind=kind, **{f"{field}__isnull": False}) & Q(**others)
    return condition


class SharedItem(TenantModel):
    """One item a member has shared with one network, on purpose. The organisation is the
    member that shares; deleting the row unshares at once."""

    class Kind(models.TextChoices):
        POLICY = "policy", _("policy document")
        REPORT = "report", _("published report")
        EXAMPLE = "example", _("good example")
        COMPARISON = "comparison", _("indicator comparison")
        TEMPLATE = "template", _("assessment template")

    network = models.ForeignKey(
        "organisations.Network",
        verbose_name=_("network"),
        on_delete=models.CASCADE,
        related_name="shared_items",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    policy = models.ForeignKey(
        "planning.Policy",
        verbose_name=_("policy document"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    report_version = models.ForeignKey(
        "reports.ReportVersion",
        verbose_name=_("published report"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    example = models.ForeignKey(
        "knowledge.Example",
        verbose_name=_("good example"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    comparison = models.ForeignKey(
        SavedComparison,
        verbose_name=_("indicator comparison"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    template = models.ForeignKey(
        "assessments.AssessmentTemplate",
        verbose_name=_("assessment template"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    note = models.CharField(_("note to the network"), max_length=300, blank=True)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("shared by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    shared_at = models.DateTimeField(_("shared"), auto_now_add=True)

    ITEM_FIELDS = {
        Kind.POLICY: "policy",
        Kind.REPORT: "report_version",
        Kind.EXAMPLE: "example",
        Kind.COMPARISON: "comparison",
        Kind.TEMPLATE: "template",
    }

    class Meta:
        verbose_name = _("shared item")
        verbose_name_plural = _("shared items")
        ordering = ["-shared_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=_one_item_of_its_kind(),
                name="shared_item_one_item_of_its_kind",
            ),
            *[
                models.UniqueConstraint(
                    fields=["network", name],
                    condition=Q(**{f"{name}__isnull": False}),
                    name=f"shared_item_unique_{name}",
                )
                for name in ITEM_FIELD_NAMES
            ],
        ]

    def __str__(self):
        return str(self.item)

    def get_absolute_url(self):
        return reverse("networks:shared_item", args=[self.network_id, self.pk])

    @classmethod
    def visibility_filter(cls, organisation_ids):
        return in_member_networks(organisation_ids)

    def permission_scope(self):
        return self.organisation_id, None

    @property
    def item(self):
        return getattr(self, self.ITEM_FIELDS[self.kind])


def shared_example_ids(organisation_ids) -> list[int]:
    """Good examples shared with a network these organisations belong to: the knowledge bank
    shows them to the network's members whatever the example's own visibility. A short list,
    memoised for the request."""
    from organisations.models import Network

    memo = getattr(organisation_ids, "memo", {})  # core.tenancy.OrganisationIds
    if "shared_example_ids" not in memo:
        rows = SharedItem.objects.filter(
            network_id__in=Network.member_network_ids(organisation_ids),
            kind=SharedItem.Kind.EXAMPLE,
        ).values_list("example_id", flat=True)
        memo["shared_example_ids"] = sorted(set(rows))
    return memo["shared_example_ids"]
