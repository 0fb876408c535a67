"""Networks and what happens in them: the network itself, contact persons, meetings, and what
members share.

A network's joint plan is an ordinary `planning.ActionPlan` with `network` set. Everything here
is seen by the network's members only, through `Network.member_network_ids`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TenantModel
from core.tenancy import derived_ids
from organisations.models import Body, Organisation

# The name under which `member_network_ids` is registered with `core.tenancy` (apps.py), read
# by `organisations.access` in its one statement and by `planning.plan_scope`.
MEMBER_NETWORK_IDS = "member_network_ids"


class Network(TenantModel):
    """A cross-sectoral network of bodies, or a partnership of organisations. The owning
    organisation convenes it; members see it."""

    class Kind(models.TextChoices):
        CROSS_SECTORAL = "cross_sectoral", _("cross-sectoral network")
        PARTNERSHIP = "partnership", _("partnership")
        REGIONAL = "regional", _("regional network")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    member_organisations = models.ManyToManyField(
        Organisation, verbose_name=_("member organisations"), related_name="networks", blank=True
    )
    member_bodies = models.ManyToManyField(
        Body, verbose_name=_("member bodies"), related_name="networks", blank=True
    )
    # Seed 000: "Folkhälsonämnden bjuder ... in samtliga nämnder och styrelser": a body of the
    # convening organisation (a joint committee) convenes, and its people keep the network.
    convened_by = models.ForeignKey(
        Body,
        verbose_name=_("convened by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="convened_networks",
        help_text=_("The body that convenes it, such as the joint public-health committee."),
    )

    class Meta:
        # Moved from `organisations` (decision 0028) with its tables: the many-to-many tables'
        # names follow from this one.
        db_table = "organisations_network"
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="network_unique_name_per_organisation"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("networks:network_detail", args=[self.pk])

    @classmethod
    def visibility_filter(cls, organisation_ids):
        """Convened by one of the organisations, or with it (or one of its bodies) as member.
        `organisation_ids` may be a list or a subquery (the access statement's)."""
        member_org = Network.member_organisations.through.objects.filter(
            organisation_id__in=organisation_ids
        )
        member_body = Network.member_bodies.through.objects.filter(
            body__organisation_id__in=organisation_ids
        )
        return (
            Q(organisation_id__in=organisation_ids)
            | Q(pk__in=member_org.values("network_id"))
            | Q(pk__in=member_body.values("network_id"))
        )

    @staticmethod
    def member_network_ids(organisation_ids) -> list[int]:
        """Networks these organisations convene or belong to (themselves or by a body), as a
        short list memoised for the request: joint plans, meetings and shared items are seen
        through it."""
        return derived_ids(organisation_ids, MEMBER_NETWORK_IDS)

    def member_organisation_ids(self) -> set[int]:
        """The convener, the member organisations and the organisations of member bodies."""
        ids = {self.organisation_id}
        ids |= set(self.member_organisations.values_list("pk", flat=True))
        ids |= set(self.member_bodies.values_list("organisation_id", flat=True))
        return ids

    def permission_scope(self):
        return self.organisation_id, self.convened_by_id

    @property
    def convener_name(self) -> str:
        return str(self.convened_by or self.organisation)


def member_networks(organisation_ids):
    """The networks these organisations convene or belong to: registered in apps.py as
    `MEMBER_NETWORK_IDS` with `core.tenancy.register_derived_ids`."""
    return Network.objects.filter(Network.visibility_filter(organisation_ids))


def in_member_networks(organisation_ids, prefix: str = "") -> Q:
    return Q(**{f"{prefix}network_id__in": Network.member_network_ids(organisation_ids)})


class NetworkContact(TenantModel):
    """A member organisation's contact person in a network: a staff user with a role there.
    The organisation is the member the person speaks for."""

    network = models.ForeignKey(
        Network,
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
        return reverse("networks:network_detail", args=[self.network_id]) + "#contacts"

    @classmethod
    def visibility_filter(cls, organisation_ids):
        return in_member_networks(organisation_ids)

    def permission_scope(self):
        return self.organisation_id, None


class NetworkMeeting(TenantModel):
    """A meeting of the network, convened by its owning organisation: when, where, the agenda
    and the notes (cleaned rich text)."""

    network = models.ForeignKey(
        Network,
        verbose_name=_("network"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), max_length=20000, blank=True)
    notes = models.TextField(_("notes"), max_length=50000, blank=True)
    # Set for the meetings a recurrence generated ("fyra gånger per år", seed 000).
    series = models.ForeignKey(
        "networks.MeetingSeries",
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
    )
    # The cases the meeting prepares: each reader sees only those they may see.
    cases = models.ManyToManyField(
        "assessments.Case",
        verbose_name=_("cases prepared"),
        blank=True,
        related_name="network_meetings",
    )

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
        # The convening body's people (Folkhälsonämnden's) keep the network's meetings.
        return self.organisation_id, self.network.convened_by_id


def meeting_document_path(instance, filename):
    # The name was generated by core.uploads.stored_name; only the organisation is added.
    return f"network-meetings/{instance.organisation_id}/{filename}"


class MeetingDocument(TenantModel):
    """A document attached to a network meeting (an agenda, notes, slides). Kept by the
    convening organisation like the meeting; every member of the network may download it."""

    meeting = models.ForeignKey(
        NetworkMeeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=meeting_document_path)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("networks:meeting_document", args=[self.pk])

    @classmethod
    def visibility_filter(cls, organisation_ids):
        return in_member_networks(organisation_ids, prefix="meeting__")

    def permission_scope(self):
        return self.organisation_id, self.meeting.network.convened_by_id


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
        Network,
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
                violation_error_message=_("A shared item must point to exactly one record."),
            ),
            *[
                models.UniqueConstraint(
                    fields=["network", name],
                    condition=Q(**{f"{name}__isnull": False}),
                    name=f"shared_item_unique_{name}",
                    violation_error_message=_("That is already shared in the network."),
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
    memo = getattr(organisation_ids, "memo", {})  # core.tenancy.OrganisationIds
    if "shared_example_ids" not in memo:
        rows = SharedItem.objects.filter(
            network_id__in=Network.member_network_ids(organisation_ids),
            kind=SharedItem.Kind.EXAMPLE,
        ).values_list("example_id", flat=True)
        memo["shared_example_ids"] = sorted(set(rows))
    return memo["shared_example_ids"]
