"""The indicator catalogue, the values as a stored time series, import runs and citations.

Values are keyed by the SCB code of the area they describe ("1883" a municipality, "18" a county,
"0000" Sweden), so values from Kolada and SCB join organisations without mapping tables
(decision 0009).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.models import TenantModel
from core.tenancy import visible_organisation_ids
from planning import success_factors

NATIONAL_CODE = "0000"


class IndicatorQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The shared catalogue for everyone signed in, plus the user's organisations' own."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_superuser:
            return self.all()

        return self.filter(
            Q(organisation__isnull=True) | Q(organisation_id__in=visible_organisation_ids(user))
        )


class Indicator(models.Model):
    """One statistic about children's conditions, such as the share of children in economically
    vulnerable households. Shared by all organisations unless an organisation owns it."""

    class Source(models.TextChoices):
        KOLADA = "kolada", "Kolada"
        SCB = "scb", "SCB"
        LUPP = "lupp", "LUPP"
        FOHM = "fohm", "Folkhälsomyndigheten"
        REGION = "region", _("the region's health survey")
        OWN = "own", _("own figures")

    class Direction(models.TextChoices):
        HIGHER = "higher", _("higher is better")
        LOWER = "lower", _("lower is better")
        NEUTRAL = "neutral", _("neither is better")

    class Breakdown(models.TextChoices):
        TOTAL = "total", _("total only")
        GENDER = "gender", _("total, girls and boys")
        AGE = "age", _("age bands")
        GENDER_AGE = "gender_age", _("gender and age bands")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_sv = models.CharField(_("name (Swedish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    unit = models.CharField(
        _("unit"),
        max_length=20,
        blank=True,
        # xgettext:no-python-format
        help_text=_("Such as % or SEK."),
    )
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    source_id = models.CharField(
        _("id at the source"),
        max_length=60,
        blank=True,
        db_index=True,
        help_text=_(
            "The Kolada KPI id (such as N02904) or the SCB contents code. Sources rename "
            "their ids; change it here when they do."
        ),
    )
    direction = models.CharField(
        _("which direction is better"),
        max_length=10,
        choices=Direction.choices,
        default=Direction.NEUTRAL,
    )
    breakdown = models.CharField(
        _("breakdowns"), max_length=12, choices=Breakdown.choices, default=Breakdown.TOTAL
    )
    success_factors = models.JSONField(_("success factors informed"), default=list, blank=True)
    articles = models.ManyToManyField(
        "convention.Article", verbose_name=_("articles informed"), blank=True, related_name="+"
    )
    target_areas = models.ManyToManyField(
        "publichealth.TargetArea",
        verbose_name=_("public-health target areas"),
        blank=True,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("own indicator of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty for the shared catalogue."),
    )
    public_health = models.BooleanField(
        _("followed in public-health work"),
        default=False,
        db_default=False,
        help_text=_(
            "Shown on the health and equity page and in the public-health part of the yearly "
            "report."
        ),
    )
    featured = models.BooleanField(
        _("on the children's conditions page"),
        default=False,
        help_text=_("Shown as a small chart on each organisation's children's conditions page."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=100)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["position", "name_sv"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_id"],
                condition=~Q(source_id=""),
                name="indicator_unique_source_id",
                violation_error_message=_(
                    "The catalogue already has an indicator with that source id."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("indicators:indicator_detail", args=[self.pk])

    def clean(self):
        if success_factors.unknown(self.success_factors):
            raise ValidationError({"success_factors": _("Unknown success factor.")})

    @property
    def name(self) -> str:
        if (get_language() or "sv").startswith("en") and self.name_en:
            return self.name_en
        return self.name_sv

    @property
    def success_factor_labels(self) -> list[str]:
        return success_factors.labels(self.success_factors)

    @property
    def by_gender(self) -> bool:
        return self.breakdown in (self.Breakdown.GENDER, self.Breakdown.GENDER_AGE)

    def audit_organisation_id(self):
        return self.organisation_id

    def permission_scope(self):
        return self.organisation_id, None


class Gender(models.TextChoices):
    """Kolada's letters: T (totalt), K (kvinnor/flickor), M (män/pojkar)."""

    TOTAL = "T", _("total")
    GIRLS = "K", _("girls")
    BOYS = "M", _("boys")


class ValueStatus(models.TextChoices):
    FINAL = "final", _("final")
    PRELIMINARY = "preliminary", _("preliminary")
    MISSING = "missing", _("missing")


class IndicatorValue(models.Model):
    """One figure: an indicator for an area (by SCB code), a year and a breakdown.

    The key is the primary key, so a table of millions of figures keeps one index, which is
    what imports write and charts read (decision 0009)."""

    pk = models.CompositePrimaryKey("indicator_id", "area_code", "year", "gender", "age_band")
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="values",
        db_index=False,  # the primary key starts with it
    )
    area_code = models.CharField(
        _("SCB code"),
        max_length=4,
        help_text=_("Municipality (4 digits), county (2 digits) or 0000 for Sweden."),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices, default="T")
    age_band = models.CharField(_("age band"), max_length=20, blank=True)
    value = models.FloatField(_("value"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ValueStatus.choices, default=ValueStatus.FINAL
    )
    source = models.CharField(_("source"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")

    def __str__(self):
        return f"{self.indicator_id} {self.area_code} {self.year} {self.gender}{self.age_band}"


class ImportRun(TenantModel):
    """One import of a file or a Kolada fetch: who, what, and what it changed."""

    class Format(models.TextChoices):
        KOLADA_JSON = "kolada_json", _("Kolada API (JSON)")
        KOLADA_CSV = "kolada_csv", _("Kolada (CSV)")
        SCB_JSON = "scb_json", _("SCB PxWeb (json-stat2)")
        SCB_CSV = "scb_csv", _("SCB PxWeb (CSV)")
        TEMPLATE = "template", _("Barnrätt's CSV template")

    created_at = models.DateTimeField(_("imported at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    format = models.CharField(_("format"), max_length=20, choices=Format.choices)
    file_name = models.CharField(_("file"), max_length=255, blank=True)
    sha256 = models.CharField(_("checksum (SHA-256)"), max_length=64, blank=True)
    added = models.PositiveIntegerField(_("added"), default=0)
    changed = models.PositiveIntegerField(_("changed"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    skipped = models.PositiveIntegerField(_("skipped (area not in Barnrätt)"), default=0)
    # The job that made it (core/jobs.py): a job run twice (a killed worker's) imports once.
    job = models.OneToOneField(
        "core.Job",
        verbose_name=_("job"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.get_format_display()} {self.file_name} {self.created_at:%Y-%m-%d %H:%M}"

    def permission_scope(self):
        return self.organisation_id, None


class Citation(TenantModel):
    """An indicator an assessment of the child's best interests cites as knowledge."""

    assessment = models.ForeignKey(
        "assessments.Assessment",
        verbose_name=_("assessment"),
        on_delete=models.CASCADE,
        related_name="indicator_citations",
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(_("what it shows for this case"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("cited indicator")
        verbose_name_plural = _("cited indicators")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "indicator"], name="citation_unique_indicator"
            ),
        ]

    def __str__(self):
        return str(self.indicator)

    def figure(self):
        """The newest figure of the indicator for the organisation's area (in total, not broken
        down), or None: what the assessment's readers see beside the indicator's name."""
        code = self.organisation.scb_code
        if not code:
            return None
        return (
            IndicatorValue.objects.filter(
                indicator=self.indicator,
                area_code=code,
                gender="T",
                age_band="",
                value__isnull=False,
            )
            .order_by("-year")
            .first()
        )

    def figure_text(self) -> str:
        """The figure with its unit, year and source, in the language's number format, such as
        "12,5 % (2025, Kolada)"; or a note that there is none."""
        figure = self.figure()
        if figure is None:
            return str(_("no figure for the municipality"))
        value = number_format(
            round(figure.value, 1),
            decimal_pos=0 if figure.value == int(figure.value) else 1,
            use_l10n=True,
            force_grouping=True,
        )
        unit = f" {self.indicator.unit}" if self.indicator.unit else ""
        source = figure.source or self.indicator.get_source_display()
        return f"{value}{unit} ({figure.year}, {source})"

    def get_absolute_url(self):
        return reverse("assessments:case_detail", args=[self.assessment.case_id])

    def permission_scope(self):
        return self.organisation_id, self.assessment.case.body_id


class MunicipalityGroup(models.Model):
    """A group of municipalities from Kolada (such as similar municipalities by some measure),
    for placing a municipality among others alike. Shared reference data, replaced each time
    it is fetched (`manage.py fetch_kolada --groups`)."""

    kolada_id = models.CharField(_("Kolada id"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=300)
    fetched_at = models.DateTimeField(_("fetched at"), default=timezone.now)

    class Meta:
        verbose_name = _("municipality group")
        verbose_name_plural = _("municipality groups")
        ordering = ["title", "id"]

    def __str__(self):
        return self.title


class MunicipalityGroupMember(models.Model):
    """A municipality (by SCB code) in a Kolada group; indexed by code to find its groups."""

    group = models.ForeignKey(
        MunicipalityGroup,
        verbose_name=_("municipality group"),
        on_delete=models.CASCADE,
        related_name="members",
    )
    area_code = models.CharField(_("SCB code"), max_length=4, db_index=True)

    class Meta:
        verbose_name = _("member of a municipality group")
        verbose_name_plural = _("members of municipality groups")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "area_code"], name="municipality_group_member_unique"
            ),
        ]

    def __str__(self):
        return f"{self.group} {self.area_code}"
