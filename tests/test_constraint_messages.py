"""No database constraint's name reaches a page (issue 27): every constraint that Django's model
validation can report carries a message of its own, and date and range checks are reported at
the field they concern."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models import CheckConstraint, F, Q, UniqueConstraint

from core.constraints import FieldCheckConstraint
from organisations.models import Organisation

PROJECT_APPS = {
    config.label for config in apps.get_app_configs() if "site-packages" not in config.path
}


def _reported_by_name(constraint):
    """Django's default message for a check or a conditional unique constraint names it."""
    if isinstance(constraint, UniqueConstraint) and constraint.fields and not constraint.condition:
        return False  # Django reports these as "… med detta … finns redan."
    return constraint.name in str(constraint.get_violation_error_message())


def test_every_constraint_has_a_message_of_its_own():
    named = [
        f"{model._meta.label}.{constraint.name}"
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS
        for constraint in model._meta.constraints
        if isinstance(constraint, (CheckConstraint, UniqueConstraint))
        and _reported_by_name(constraint)
    ]
    assert named == []


def test_every_check_on_one_field_is_reported_at_that_field():
    for model in apps.get_models():
        for constraint in model._meta.constraints:
            if isinstance(constraint, FieldCheckConstraint):
                assert model._meta.get_field(constraint.field)  # a real field, or this raises


@pytest.mark.django_db
def test_a_wrong_scb_code_is_explained_at_its_field():
    organisation = Organisation(name="Exempel kommun", kind="municipality", scb_code="123")
    with pytest.raises(ValidationError) as refused:
        organisation.full_clean()
    assert refused.value.message_dict == {
        "scb_code": ["SCB-koden har två siffror (ett län) eller fyra siffror (en kommun)."]
    }


def test_the_field_survives_deconstruction_for_migrations():
    constraint = FieldCheckConstraint(
        condition=Q(end_year__gte=F("start_year")), name="period", field="end_year"
    )
    path, args, kwargs = constraint.deconstruct()
    assert path == "core.constraints.FieldCheckConstraint"
    assert FieldCheckConstraint(*args, **kwargs) == constraint
    assert kwargs["field"] == "end_year"
