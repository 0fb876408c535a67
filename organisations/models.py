"""Organisations, the bodies that serve them, and memberships. Networks between them are the
`networks` app's (decision 0028)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.constraints import FieldCheckConstraint
from core.models import TenantModel
from core.tenancy import TenantQuerySet

from .roles import Role
from .validators import validate_organisation_number


class Organisation(models.Model):
    """A municipality, a region or a civil-society organisation: the tenant."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("municipality")
        REGION = "region", _("region")
        CIVIL_SOCIETY = "civil_society", _("civil-society organisation")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    scb_code = models.CharField(
        _("SCB code"),
        max_length=4,
        blank=True,
        help_text=_(
            "Municipality code (4 digits) or county code (2 digits) from Statistics Sweden."
        ),
    )
    organisation_number = models.CharField(
        _("organisation number"),
        max_length=11,
        blank=True,
        default="",
        db_default="",
        validators=[validate_organisation_number],
        help_text=_(
            "Organisationsnummer from Skatteverket, NNNNNN-NNNN; archive packages identify the "
            "organisation by it."
        ),
    )
    description = models.TextField(_("description"), blank=True)

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["scb_code"],
                condition=~Q(scb_code=""),
                name="organisation_unique_scb_code",
                violation_error_message=_("Another organisation already has that SCB code."),
            ),
            FieldCheckConstraint(
                condition=Q(scb_code="") | Q(scb_code__regex=r"^[0-9]{2}([0-9]{2})?$"),
                name="organisation_scb_code_digits",
                field="scb_code",
                violation_error_message=_(
                    "The SCB code has two digits (a county) or four digits (a municipality)."
                ),
            ),
            models.UniqueConstraint(
                fields=["organisation_number"],
                condition=~Q(organisation_number=""),
                name="organisation_unique_organisation_number",
                violation_error_message=_(
                    "Another organisation already has that organisation number."
                ),
            ),
            FieldCheckConstraint(
                condition=Q(organisation_number="")
                | Q(organisation_number__regex=r"^[0-9]{6}-[0-9]{4}$"),
                name="organisation_number_format",
                field="organisation_number",
                violation_error_message=_("Write the organisation number as NNNNNN-NNNN."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:detail", args=[self.pk])

    @classmethod
    def visibility_filter(cls, organisation_ids):
        return Q(pk__in=organisation_ids)

    @property
    def archive_identification_code(self) -> str:
        """How an archive package identifies the organisation: `ORG:` and the organisation
        number's ten digits, as Swedish archives expect (FGS Paketstruktur); the SCB code only
        while no number is set."""
        if self.organisation_number:
            return "ORG:" + self.organisation_number.replace("-", "")
        return f"SCB:{self.scb_code}" if self.scb_code else ""

    def audit_organisation_id(self):
        return self.pk

    def permission_scope(self):
        return self.pk, None

    @property
    def county_code(self) -> str:
        return self.scb_code[:2]


class ScbArea(models.Model):
    """A municipality (kommun) or county (län) in Statistics Sweden's register: reference data
    from which a platform administrator onboards an organisation (organisations/data)."""

    code = models.CharField(_("SCB code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=[
            (Organisation.Kind.MUNICIPALITY, Organisation.Kind.MUNICIPALITY.label),
            (Organisation.Kind.REGION, Organisation.Kind.REGION.label),
        ],
    )
    organisation_name = models.CharField(
        _("organisation name"),
        max_length=200,
        blank=True,
        help_text=_("The name the region's organisation uses, e.g. Region Örebro län."),
    )

    class Meta:
        verbose_name = _("SCB area")
        verbose_name_plural = _("SCB areas")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def default_organisation_name(self) -> str:
        return self.organisation_name or self.name


class PopulationFact(TenantModel):
    """A population figure for an organisation in a given year, with where it comes from."""

    year = models.PositiveSmallIntegerField(_("year"))
    inhabitants = models.PositiveIntegerField(_("inhabitants"))
    children = models.PositiveIntegerField(_("children 0–17"), null=True, blank=True)
    households_with_children_share = models.DecimalField(
        _("share of households with children (%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
    )
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        verbose_name = _("population fact")
        verbose_name_plural = _("population facts")
        ordering = ["organisation", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="population_fact_unique_year"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} {self.year}"

    def permission_scope(self):
        return self.organisation_id, None


class AgeBand(models.TextChoices):
    """The age bands children are asked and counted in: shared by consultations (participation)
    and the population per age band, so that answers and population line up."""

    AGE_0_5 = "0-5", _("0–5 years")
    AGE_6_12 = "6-12", _("6–12 years")
    AGE_13_17 = "13-17", _("13–17 years")
    AGE_18_25 = "18-25", _("18–25 years")


class PopulationByAge(TenantModel):
    """How many children and young people of an age band live in an organisation in a year,
    in all and by sex where known (SCB gives girls and boys): the population "who was heard"
    is compared with (issue 22). Invented demo rows say so in `source`."""

    year = models.PositiveSmallIntegerField(_("year"))
    age_band = models.CharField(_("age band"), max_length=10, choices=AgeBand.choices)
    total = models.PositiveIntegerField(_("number in all"))
    girls = models.PositiveIntegerField(_("girls"), null=True, blank=True)
    boys = models.PositiveIntegerField(_("boys"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        verbose_name = _("population by age band")
        verbose_name_plural = _("population by age band")
        ordering = ["organisation", "-year", "age_band"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "age_band"], name="population_by_age_unique"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} {self.year} {self.get_age_band_display()}"

    def clean(self):
        if self.girls is not None and self.boys is not None and self.girls + self.boys > self.total:
            raise ValidationError({"total": _("Girls and boys together are more than in all.")})

    def permission_scope(self):
        return self.organisation_id, None


class Body(TenantModel):
    """A committee, board, administration or team. The owning organisation hosts it; a joint
    body also serves other organisations (the joint public-health committee, the public-health
    team of northern Örebro county)."""

    class Kind(models.TextChoices):
        # The municipal council (kommunfullmäktige) adopts the policies every committee follows.
        COUNCIL = "council", _("municipal council")
        COMMITTEE = "committee", _("committee")
        BOARD = "board", _("board")
        ADMINISTRATION = "administration", _("administration")
        # An administration's management group (förvaltningsledning), where strategy is set.
        MANAGEMENT = "management", _("management group")
        TEAM = "team", _("team")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    served_organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("serves"),
        related_name="served_by_bodies",
        blank=True,
        help_text=_("Other organisations this body works for, for a joint body."),
    )

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="body_unique_name_per_organisation"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:body_detail", args=[self.pk])

    @classmethod
    def visibility_filter(cls, organisation_ids):
        joint_ids = Body.joint_body_ids(organisation_ids)
        return Q(organisation_id__in=organisation_ids) | Q(pk__in=joint_ids)

    @staticmethod
    def joint_body_ids(organisation_ids) -> list[int]:
        """Bodies hosted elsewhere that serve these organisations.

        Read as a short list rather than used as a subquery inside an OR: with a list, both
        sides of the OR use an index (PostgreSQL otherwise scans the whole table). Bodies hosted
        by one of the organisations are left out: their rows are already the organisation's.
        """
        memo = getattr(organisation_ids, "memo", {})  # core.tenancy.OrganisationIds
        if "joint_body_ids" not in memo:
            serving = Body.served_organisations.through.objects.filter(
                organisation_id__in=organisation_ids
            ).exclude(body__organisation_id__in=organisation_ids)
            memo["joint_body_ids"] = sorted(set(serving.values_list("body_id", flat=True)))
        return memo["joint_body_ids"]

    @staticmethod
    def owned_or_served(organisation_ids, field: str = "body") -> Q:
        """Rows owned by one of the organisations, or belonging (through `field`) to a joint
        body hosted elsewhere that serves one of them: the visibility of a body's records."""
        joint_ids = Body.joint_body_ids(organisation_ids)
        return Q(organisation_id__in=organisation_ids) | Q(**{f"{field}_id__in": joint_ids})

    def permission_scope(self):
        return self.organisation_id, self.pk

    @property
    def is_joint(self) -> bool:
        return bool(self.served_organisations.all())


class Adoption(models.Model):
    """The decision that adopted a document: which body, when, and under which paragraph of its
    minutes. Policies, agreements and regulations record it alike."""

    adopted_by = models.ForeignKey(
        "organisations.Body",
        verbose_name=_("adopted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    decision_reference = models.CharField(
        _("decision reference"),
        max_length=100,
        blank=True,
        help_text=_("The paragraph in the minutes, such as “KF § 12/2019”, or the case number."),
    )

    class Meta:
        abstract = True


class Membership(TenantModel):
    """A user's role in an organisation, or on one of its bodies when `body` is set."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    body = models.ForeignKey(
        Body,
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        help_text=_("Leave empty for a role in the whole organisation."),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation", "user__last_name", "user__first_name", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"],
                condition=Q(body__isnull=True),
                name="membership_unique_org_role",
                violation_error_message=_("The person already has that role in the organisation."),
            ),
            models.UniqueConstraint(
                fields=["user", "body", "role"],
                condition=Q(body__isnull=False),
                name="membership_unique_body_role",
                violation_error_message=_("The person already has that role in the body."),
            ),
        ]

    def __str__(self):
        where = self.body or self.organisation
        return f"{self.user} – {self.get_role_display()} – {where}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if (
            self.body_id
            and self.organisation_id
            and self.body.organisation_id != self.organisation_id
        ):
            raise ValidationError({"body": _("The body must belong to the same organisation.")})

    def permission_scope(self):
        return self.organisation_id, None
