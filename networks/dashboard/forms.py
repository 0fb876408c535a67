import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ListedModelMultipleChoiceField
from indicators.models import Indicator

MAX_INDICATORS = 5
FIRST_YEAR = 2000


def default_year() -> int:
    return datetime.date.today().year


class DashboardForm(forms.Form):
    """The year and the indicators to compare (GET)."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)
    indicator = ListedModelMultipleChoiceField(
        label=_("Indicators to compare"),
        queryset=Indicator.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("At most five."),
    )

    def __init__(self, data=None, *, user):
        super().__init__(data)
        this_year = default_year()
        self.fields["year"].choices = [
            (year, str(year)) for year in range(this_year, FIRST_YEAR - 1, -1)
        ]
        self.fields["indicator"].queryset = Indicator.objects.visible_to(user)

    def clean_indicator(self):
        chosen = self.cleaned_data["indicator"]
        if len(chosen) > MAX_INDICATORS:
            raise forms.ValidationError(_("Choose at most five indicators."))
        return chosen

    def choices(self) -> tuple[int, list]:
        """The chosen year and indicators; the current year and none if the form is not valid."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["year"] or default_year(), list(self.cleaned_data["indicator"])
        return default_year(), []
