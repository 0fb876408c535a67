from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AccessibilityReport


class DateInput(forms.DateInput):
    """The browser's date picker, with the ISO date it expects."""

    input_type = "date"

    def __init__(self, **kwargs):
        kwargs.setdefault("format", "%Y-%m-%d")
        super().__init__(**kwargs)


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
