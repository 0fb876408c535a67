from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput

from .models import RetentionRule


class RetentionRuleForm(forms.ModelForm):
    class Meta:
        model = RetentionRule
        fields = ["record_type", "keep_months", "decision_reference", "adopted_on"]
        widgets = {"adopted_on": DateInput()}


class ArchiveExportForm(forms.Form):
    decided_from = forms.DateField(label=_("Decided from"), widget=DateInput())
    decided_to = forms.DateField(label=_("Decided to"), widget=DateInput())
    submission_agreement = forms.CharField(
        label=_("Submission agreement"),
        required=False,
        max_length=200,
        help_text=_("The reference of the agreement with the archive, if there is one."),
    )
    preservation_agent = forms.CharField(
        label=_("Receiving archive"),
        required=False,
        max_length=200,
        help_text=_("The archive that will keep the package, for example the e-archive."),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("decided_from"), cleaned.get("decided_to")
        if start and end and end < start:
            raise ValidationError(_("The last day is before the first."))
        return cleaned
