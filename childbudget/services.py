"""Changes to child budgets and their lines. Views, the import and the demo call these; each
writes its audit entries in the same transaction through `core.audit`."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from core.audit import create_object, delete_object, update_object
from organisations.models import Body

from .models import BudgetLine, ChildBudget


def bodies_for(organisation):
    """The organisation's own bodies and the joint bodies that serve it."""
    return (
        Body.objects.filter(Q(organisation=organisation) | Q(served_organisations=organisation))
        .distinct()
        .order_by("name")
    )


def _check(organisation, fields, budget=None):
    body = fields.get("body", budget.body if budget else None)
    if body is not None and not bodies_for(organisation).filter(pk=body.pk).exists():
        raise ValidationError({"body": _("The body does not serve the organisation.")})
    others = ChildBudget.objects.filter(
        organisation=organisation,
        body=body,
        year=fields.get("year", budget.year if budget else None),
    )
    if budget is not None:
        others = others.exclude(pk=budget.pk)
    if others.exists():
        raise ValidationError({"year": _("The body already has a child budget for that year.")})
    method = fields.get("method", budget.method if budget else ChildBudget.Method.MARKED_LINES)
    amount = fields.get("children_amount", budget.children_amount if budget else None)
    if method != ChildBudget.Method.MARKED_LINES and amount is None:
        raise ValidationError(
            {"children_amount": _("Give the amount, or choose the marked budget lines.")}
        )


def create_budget(organisation, *, by, **fields) -> ChildBudget:
    with transaction.atomic():
        _check(organisation, fields)
        return create_object(ChildBudget, by=by, organisation=organisation, **fields)


def update_budget(budget: ChildBudget, *, by, **fields) -> ChildBudget:
    with transaction.atomic():
        budget = ChildBudget.objects.select_for_update().select_related("body").get(pk=budget.pk)
        _check(budget.organisation, fields, budget)
        return update_object(budget, by=by, **fields)


def delete_budget(budget: ChildBudget, *, by) -> None:
    with transaction.atomic():
        count = BudgetLine.objects.filter(budget=budget).count()
        delete_object(budget, by=by, note=_("%(count)d budget lines") % {"count": count})


def set_marks(budget: ChildBudget, marked_ids, *, by) -> int:
    """Mark exactly these lines as directed to children; returns how many lines changed."""
    marked = {int(pk) for pk in marked_ids}
    changed = 0
    with transaction.atomic():
        for line in BudgetLine.objects.select_for_update().filter(budget=budget):
            wanted = line.pk in marked
            if line.for_children != wanted:
                update_object(line, by=by, for_children=wanted)
                changed += 1
    return changed
