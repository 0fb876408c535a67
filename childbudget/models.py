"""The child budget (DESIGN point 7): per body and year, the budget, the part that reaches
children and how that was worked out, the budget lines, and the children's goals in the budget."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TenantModel
from core.tenancy import TenantQuerySet


def effective_total(total_budget, lines_sum) -> Decimal | None:
    """The total entered, else the sum of the budget lines."""
    return total_budget if total_budget is not None else lines_sum


def effective_children_amount(method, children_amount, lines_sum, marked_sum) -> Decimal | None:
    """With marked lines, the sum of the lines marked for children; else the amount entered.

    Lines imported but none marked yet are no figure (None), not 0 %: a new year's import
    would otherwise read as a fall to nothing in the trend.
    """
    if method == ChildBudget.Method.MARKED_LINES:
        return marked_sum
    return children_amount


def children_share(total, amount) -> float | None:
    """The amount that reaches children as a percentage of the total."""
    if not total or amount is None or total <= 0:
        return None
    return max(0.0, float(100 * amount / total))


class ChildBudgetQuerySet(TenantQuerySet):
    def with_sums(self):
        """Each budget with the sum of its lines and of the lines marked for children."""
        return self.annotate(
            lines_sum=Sum("lines__amount"),
            marked_sum=Sum("lines__amount", filter=Q(lines__for_children=True)),
        )


class ChildBudget(TenantModel):
    """One body's budget for one year and the amount of it that reaches children."""

    class Method(models.TextChoices):
        MARKED_LINES = "marked_lines", _("sum of the budget lines marked as directed to children")
        SHARE_OF_USERS = "share_of_users", _("share of the users who are children")
        ESTIMATE = "estimate", _("estimate")

    body = models.ForeignKey(
        "organisations.Body", verbose_name=_("body"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    total_budget = models.DecimalField(
        _("total budget (SEK)"),
        max_digits=15,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leave empty to use the sum of the budget lines."),
    )
    method = models.CharField(
        _("method"), max_length=20, choices=Method.choices, default=Method.MARKED_LINES
    )
    children_amount = models.DecimalField(
        _("amount that reaches children (SEK)"),
        max_digits=15,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Needed unless the method is the sum of the marked budget lines."),
    )
    comment = models.TextField(_("comment on the method"), blank=True)
    children_goals = models.TextField(
        _("children's goals in the budget"),
        blank=True,
        help_text=_("The goals for children that the budget document states."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ChildBudgetQuerySet.as_manager()

    class Meta:
        verbose_name = _("child budget")
        verbose_name_plural = _("child budgets")
        ordering = ["-year", "body__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "body", "year"], name="child_budget_unique_body_year"
            ),
        ]

    def __str__(self):
        return f"{self.body} {self.year}"

    def get_absolute_url(self):
        return reverse("childbudget:budget_detail", args=[self.pk])

    def permission_scope(self):
        return self.organisation_id, None

    def _sums(self):
        if not hasattr(self, "lines_sum"):
            sums = self.lines.aggregate(
                lines_sum=Sum("amount"), marked_sum=Sum("amount", filter=Q(for_children=True))
            )
            self.lines_sum, self.marked_sum = sums["lines_sum"], sums["marked_sum"]
        return self.lines_sum, self.marked_sum

    @property
    def effective_total(self) -> Decimal | None:
        if self.total_budget is not None:
            return self.total_budget
        return self._sums()[0]

    @property
    def effective_children_amount(self) -> Decimal | None:
        if self.method != self.Method.MARKED_LINES:
            return self.children_amount
        return effective_children_amount(self.method, self.children_amount, *self._sums())

    @property
    def children_share(self) -> float | None:
        """The amount that reaches children as a percentage of the total."""
        return children_share(self.effective_total, self.effective_children_amount)


class BudgetLine(TenantModel):
    """A line of a body's budget as the finance department exports it: account, text, amount."""

    budget = models.ForeignKey(
        ChildBudget, verbose_name=_("child budget"), on_delete=models.CASCADE, related_name="lines"
    )
    account = models.CharField(_("account"), max_length=50)
    text = models.CharField(_("text"), max_length=300, blank=True)
    # The n-th line with the same account and text in the file: re-importing finds each again.
    occurrence = models.PositiveSmallIntegerField(_("occurrence"), default=1)
    amount = models.DecimalField(_("amount (SEK)"), max_digits=15, decimal_places=2)
    for_children = models.BooleanField(_("directed to children"), default=False)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "account", "text", "occurrence"], name="budget_line_unique_key"
            ),
        ]

    def __str__(self):
        return f"{self.account} {self.text}".strip()

    def permission_scope(self):
        return self.organisation_id, None
