from django import forms

from core.forms import DateInput

from .models import RetentionRule


class RetentionRuleForm(forms.ModelForm):
    class Meta:
        model = RetentionRule
        fields = ["record_type", "keep_months", "decision_reference", "adopted_on"]
        widgets = {"adopted_on": DateInput()}
