"""The action plan: priority areas, goals, activities and their follow-ups.

Every part keeps a `plan` link (set by the services) so that a part's scope is one join away,
and lists of a plan's activities need no walk through areas and goals.
"""

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.constraints import FieldCheckConstraint
from core.models import TenantModel
from core.tenancy import derived_ids
from organisations.models import Body

from .. import success_factors


def plan_scope(organisation_ids, prefix: str = "", *, networks: bool = False) -> Q:
    """A plan belongs to its organisation; a joint body's plan is also seen where it serves,
    and a network's joint plan (`networks=True`, for plans and their parts) by its members."""
    joint_ids = Body.joint_body_ids(organisation_ids)
    scope = Q(organisation_id__in=organisation_ids) | Q(**{f"{prefix}body_id__in": joint_ids})
    if networks:
        # The networks app registers this set (networks/extensions.py); planning only knows
        # the plan's `network` column.
        network_ids = derived_ids(organisation_ids, "member_network_ids")
        scope |= Q(**{f"{prefix}network_id__in": network_ids})
    return scope


TARGET_AREAS_HELP = _("The target areas of Sweden's public-health policy it serves.")


class ActionPlan(TenantModel):
    """A plan over a few years, of an organisation or a joint body: the child-rights plan, a
    public-health programme, a region's public-health plan or a team's plan (one model, a kind)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        ADOPTED = "adopted", _("adopted")

    class Kind(models.TextChoices):
        CHILD_RIGHTS = "child_rights", _("child-rights plan")
        PUBLIC_HEALTH_PROGRAMME = "public_health_programme", _("public-health programme")
        REGIONAL_PUBLIC_HEALTH = "regional_public_health", _("regional public-health plan")
        TEAM = "team", _("team plan")

    body = models.ForeignKey(
        "organisations.Body",
        verbose_name=_("joint body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Only for the plan of a joint committee or team."),
    )
    network = models.ForeignKey(
        "networks.Network",
        verbose_name=_("network"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="joint_plans",
        help_text=_("Only for a network's joint plan, kept by the convening organisation."),
    )
    kind = models.CharField(
        _("kind of plan"),
        max_length=30,
        choices=Kind.choices,
        default=Kind.CHILD_RIGHTS,
        # The old code inserts plans without a kind while an upgrade runs (check_migrations).
        db_default=Kind.CHILD_RIGHTS,
    )
    builds_on = models.ForeignKey(
        "self",
        verbose_name=_("builds on"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="built_upon_by",
        help_text=_("The plan this one starts from, such as the region's public-health plan."),
    )
    title = models.CharField(_("title"), max_length=200)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["-start_year", "title", "id"]
        constraints = [
            FieldCheckConstraint(
                condition=Q(end_year__gte=models.F("start_year")),
                name="plan_period_in_order",
                field="end_year",
                violation_error_message=_("The last year cannot be before the first year."),
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.period_label})"

    def get_absolute_url(self):
        return reverse("planning:plan_detail", args=[self.pk])

    @classmethod
    def visibility_filter(cls, organisation_ids):
        return plan_scope(organisation_ids, networks=True)

    def clean(self):
        if self.network_id and self.network.organisation_id != self.organisation_id:
            raise ValidationError(
                {"network": _("A joint plan belongs to the network's convening organisation.")}
            )
        # `is not None`: year 0 is a year the form accepts and the timeline cannot draw.
        both = self.start_year is not None and self.end_year is not None
        if both and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The last year is before the first year.")})
        if self.start_year is not None and not 2000 <= self.start_year <= 2100:
            raise ValidationError({"start_year": _("Give a year between 2000 and 2100.")})
        if both and self.end_year - self.start_year > 10:
            raise ValidationError({"end_year": _("A plan covers at most eleven years.")})
        self._check_builds_on()

    def _check_builds_on(self):
        """A plan cannot build on itself, directly or through the plans it builds on."""
        seen, current = {self.pk}, self.builds_on
        while current is not None:
            if current.pk in seen:
                raise ValidationError({"builds_on": _("A plan cannot build on itself.")})
            seen.add(current.pk)
            current = current.builds_on

    def permission_scope(self):
        return self.organisation_id, self.body_id

    @property
    def period_label(self) -> str:
        if self.start_year == self.end_year:
            return str(self.start_year)
        return f"{self.start_year}–{self.end_year}"

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.start_year, 1, 1)

    @property
    def last_day(self) -> datetime.date:
        return datetime.date(self.end_year, 12, 31)


class PlanPart(TenantModel):
    """Something inside one plan; seen where the plan is seen, changed in the plan's scope."""

    plan = models.ForeignKey(
        ActionPlan,
        verbose_name=_("action plan"),
        on_delete=models.CASCADE,
        related_name="%(class)s_set",
        related_query_name="%(class)s",
    )

    class Meta:
        abstract = True

    @classmethod
    def visibility_filter(cls, organisation_ids):
        return plan_scope(organisation_ids, prefix="plan__", networks=True)

    def permission_scope(self):
        return self.organisation_id, self.plan.body_id


class PriorityArea(PlanPart):
    """A priority area (prioriterat område) of the plan."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("priority area")
        verbose_name_plural = _("priority areas")
        ordering = ["position", "id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.plan.get_absolute_url() + f"#area-{self.pk}"


class Goal(PlanPart):
    """A goal within a priority area, with what it serves and how it will be measured."""

    area = models.ForeignKey(
        PriorityArea,
        verbose_name=_("priority area"),
        on_delete=models.CASCADE,
        related_name="goals",
    )
    title = models.CharField(_("goal"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    success_factors = models.JSONField(_("success factors served"), default=list, blank=True)
    articles = models.ManyToManyField(
        "convention.Article", verbose_name=_("articles served"), blank=True, related_name="+"
    )
    target_areas = models.ManyToManyField(
        "publichealth.TargetArea",
        verbose_name=_("public-health target areas"),
        blank=True,
        related_name="+",
        help_text=TARGET_AREAS_HELP,
    )
    # Kolada KPI ids such as "N00945", for the indicators to come.
    indicator_codes = models.JSONField(_("indicators (Kolada ids)"), default=list, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["position", "id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.plan.get_absolute_url() + f"#goal-{self.pk}"

    def clean(self):
        if self.area_id and self.plan_id and self.area.plan_id != self.plan_id:
            raise ValidationError(_("The priority area belongs to another plan."))
        if success_factors.unknown(self.success_factors):
            raise ValidationError({"success_factors": _("Unknown success factor.")})
        bad = [code for code in self.indicator_codes if not _is_kolada_id(code)]
        if bad:
            raise ValidationError(
                {"indicator_codes": _("Not a Kolada id: %(codes)s") % {"codes": ", ".join(bad)}}
            )

    @property
    def success_factor_labels(self) -> list[str]:
        return success_factors.labels(self.success_factors)


def _is_kolada_id(code) -> bool:
    return isinstance(code, str) and len(code) == 6 and code[0].isalpha() and code[1:].isdigit()


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    ONGOING = "ongoing", _("ongoing")
    DONE = "done", _("done")
    POSTPONED = "postponed", _("postponed")
    CANCELLED = "cancelled", _("cancelled")


class Activity(PlanPart):
    """Something to do for a goal: who does it, when, and what it costs."""

    Status = ActivityStatus

    goal = models.ForeignKey(
        Goal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="activities"
    )
    title = models.CharField(_("activity"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    responsible_body = models.ForeignKey(
        "organisations.Body",
        verbose_name=_("responsible body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    responsible_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    cost = models.DecimalField(
        _("cost (SEK)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    articles = models.ManyToManyField(
        "convention.Article", verbose_name=_("articles served"), blank=True, related_name="+"
    )
    target_areas = models.ManyToManyField(
        "publichealth.TargetArea",
        verbose_name=_("public-health target areas"),
        blank=True,
        related_name="+",
        help_text=TARGET_AREAS_HELP,
    )

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["starts_on", "id"]
        indexes = [models.Index(fields=["plan", "status"], name="activity_plan_status_idx")]
        constraints = [
            FieldCheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="activity_ends_after_start",
                field="ends_on",
                violation_error_message=_("The activity cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("planning:activity_detail", args=[self.pk])

    def clean(self):
        if self.goal_id and self.plan_id and self.goal.plan_id != self.plan_id:
            raise ValidationError(_("The goal belongs to another plan."))
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The activity ends before it starts.")})
        if self.plan_id and self.starts_on and self.ends_on:
            plan = self.plan
            if self.starts_on < plan.first_day or self.ends_on > plan.last_day:
                raise ValidationError(
                    _("The activity must lie within the plan's period, %(period)s.")
                    % {"period": plan.period_label}
                )


PERIOD = re.compile(r"[0-9]{4}( H[12])?")


class FollowUp(PlanPart):
    """What an activity achieved in one period (a year, or "2026 H1"), for children above all."""

    class GoalReached(models.TextChoices):
        YES = "yes", _("yes")
        PARTLY = "partly", _("partly")
        NO = "no", _("no")
        TOO_EARLY = "too_early", _("too early to say")

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    period = models.CharField(
        _("period"), max_length=20, help_text=_('A year such as "2026", or "2026 H1".')
    )
    status = models.CharField(_("status of the activity"), max_length=20, choices=ActivityStatus)
    result = models.TextField(_("result"), help_text=_("What was done in the period."))
    effects_for_population = models.TextField(
        _("effects for the population"),
        blank=True,
        help_text=_("What it led to for the population's health, and for which groups."),
        db_default="",
    )
    effects_for_children = models.TextField(
        _("effects for children"), blank=True, help_text=_("What it led to for children.")
    )
    goal_reached = models.CharField(
        _("was the goal reached?"),
        max_length=20,
        choices=GoalReached.choices,
        default=GoalReached.TOO_EARLY,
    )
    more_measures_needed = models.BooleanField(_("more measures are needed"), default=False)
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["period", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "period"],
                name="followup_one_per_activity_and_period",
                violation_error_message=_("The activity already has a follow-up for that period."),
            ),
        ]

    def __str__(self):
        return f"{self.activity} – {self.period}"

    def get_absolute_url(self):
        return self.activity.get_absolute_url()

    def clean(self):
        if self.activity_id and self.plan_id and self.activity.plan_id != self.plan_id:
            raise ValidationError(_("The activity belongs to another plan."))
        if not PERIOD.fullmatch(self.period or ""):
            raise ValidationError(
                {"period": _('Write the period as a year, "2026", or a half year, "2026 H1".')}
            )

    def permission_scope(self):
        # The responsible body's people record what their activity achieved.
        return self.organisation_id, self.activity.responsible_body_id
