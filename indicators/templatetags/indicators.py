"""Sections other apps' pages include: statistics cited in an assessment, and a plan goal's
indicators resolved against the catalogue."""

from django import template

from organisations.access import can

from ..forms import CitationForm
from ..models import Citation, Indicator

register = template.Library()


@register.inclusion_tag("indicators/_citations.html", takes_context=True)
def cited_statistics(context, case, assessment):
    user = context["request"].user
    can_cite = can(user, "add", "citation", case.organisation_id, case.body_id)
    return {
        "case": case,
        "citations": Citation.objects.filter(assessment=assessment).select_related(
            "indicator", "organisation"
        ),
        "can_cite": can_cite,
        "citation_form": CitationForm(user=user) if can_cite else None,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("indicators/_goal_indicators.html", takes_context=True)
def goal_indicators(context, goal, organisation):
    """The goal's Kolada ids with the catalogue's names; ids not in the catalogue as they are."""
    codes = list(goal.indicator_codes or ())
    found = {
        indicator.source_id: indicator
        for indicator in Indicator.objects.visible_to(context["request"].user).filter(
            source=Indicator.Source.KOLADA, source_id__in=codes
        )
    }
    return {
        "items": [(code, found.get(code)) for code in codes],
        "organisation": organisation,
    }
