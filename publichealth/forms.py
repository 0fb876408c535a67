"""The target-area field that forms of other apps use to tag their records."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ListedModelMultipleChoiceField

from .models import TargetArea


class TargetAreaField(ListedModelMultipleChoiceField):
    """The eight target areas as checkboxes, in their official order."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Public-health target areas"))
        kwargs.setdefault("required", False)
        super().__init__(queryset=TargetArea.objects.order_by("number"), **kwargs)

    def label_from_instance(self, obj):
        return f"{obj.number}. {obj.name}"
