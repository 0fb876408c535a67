"""State changes of the catalogue and of citations, each with its audit entry."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.audit import create_object, delete_object, update_object

from .models import Citation, Indicator


def _tags(**lists) -> dict:
    return {name: list(values) for name, values in lists.items() if values is not None}


def create_indicator(*, by, articles=(), target_areas=(), organisation=None, **fields) -> Indicator:
    m2m = _tags(articles=articles, target_areas=target_areas)
    return create_object(Indicator, by=by, organisation=organisation, m2m=m2m, **fields)


def update_indicator(
    indicator: Indicator, *, by, articles=None, target_areas=None, **fields
) -> Indicator:
    m2m = _tags(articles=articles, target_areas=target_areas)
    return update_object(indicator, by=by, m2m=m2m, **fields)


def cite_indicator(assessment, *, by, indicator: Indicator, note: str = "") -> Citation:
    if Citation.objects.filter(assessment=assessment, indicator=indicator).exists():
        raise ValidationError(_("The assessment already cites this indicator."))
    if indicator.organisation_id not in (None, assessment.organisation_id):
        raise ValidationError(_("This indicator belongs to another organisation."))
    return create_object(
        Citation,
        by=by,
        organisation_id=assessment.organisation_id,
        assessment=assessment,
        indicator=indicator,
        note=note,
    )


def remove_citation(citation: Citation, *, by) -> None:
    delete_object(citation, by=by)
