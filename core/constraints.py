"""Database constraints whose violation a person can read.

A check constraint guards the data at the database, and Django's model validation
(`Model.validate_constraints`, run by every ModelForm) checks the same condition before saving.
Left alone, Django reports a violated check as a form-wide message naming the constraint
("Constraint “peerreview_report_after_visit” is violated."). `FieldCheckConstraint` takes the
Swedish message and the field it belongs to, so the form shows it at that field instead.
"""

from django.core.exceptions import ValidationError
from django.db import models


class FieldCheckConstraint(models.CheckConstraint):
    """A check constraint whose violation is reported at one form field."""

    def __init__(self, *, field, **kwargs):
        super().__init__(**kwargs)
        self.field = field

    def validate(self, model, instance, exclude=None, using=None):
        try:
            super().validate(model, instance, exclude=exclude, using=using)
        except ValidationError as error:
            # A dict-shaped error is merged field by field by Model.validate_constraints.
            raise ValidationError({self.field: error}) from error

    def deconstruct(self):
        path, args, kwargs = super().deconstruct()
        kwargs["field"] = self.field
        return path, args, kwargs

    def __eq__(self, other):
        if isinstance(other, FieldCheckConstraint):
            return super().__eq__(other) and self.field == other.field
        return super().__eq__(other)
