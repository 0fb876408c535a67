from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AccessibilityReport


class DateInput(forms.DateInput):
    """The browser's date picker, with the ISO date it expects."""

    input_type = "date"

    def __init__(self, **kwargs):
        kwargs.setdefault("format", "%Y-%m-%d")
        super().__init__(**kwargs)


def limit_to_bodies(form, field_name: str, bodies) -> None:
    """Make `field_name` choose among `bodies` only, and required: the record of a user whose
    right comes from a role on a body belongs to that body. `bodies` None leaves it as is."""
    if bodies is None:
        return
    field = form.fields[field_name]
    field.queryset = field.queryset.model.objects.filter(pk__in=bodies).order_by("name")
    field.required = True
    field.empty_label = None


class AccessibilityReportForm(forms.ModelForm):
    """Anyone may report a barrier; the hidden field catches robots that fill in everything."""

    website = forms.CharField(required=False, label=_("Leave this field empty"))

    class Meta:
        model = AccessibilityReport
        fields = ["page_url", "description", "contact"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("This field must be left empty."))
        return ""


class ListedChoiceIterator(forms.models.ModelChoiceIterator):
    """Choices read with one ordinary query. Django's iterator streams the queryset with
    `.iterator()`, which on PostgreSQL opens a server-side cursor (DECLARE, FETCH, CLOSE: three
    round trips) — a poor trade for the few dozen rows of a select."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class ListedModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField for short lists (see `ListedChoiceIterator`)."""

    iterator = ListedChoiceIterator


class ListedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField for short lists (see `ListedChoiceIterator`)."""

    iterator = ListedChoiceIterator
