"""Forms for the catalogue, the imports and citations. They validate input; services write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from convention.models import Article
from core.forms import ListedModelChoiceField
from planning.success_factors import SuccessFactor
from publichealth.forms import TargetAreaField

from .models import ImportRun, Indicator


class IndicatorForm(forms.ModelForm):
    success_factors = forms.MultipleChoiceField(
        label=_("Success factors informed"),
        choices=SuccessFactor.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_areas = TargetAreaField()

    class Meta:
        model = Indicator
        fields = [
            "code",
            "name_sv",
            "name_en",
            "description",
            "unit",
            "source",
            "source_id",
            "direction",
            "breakdown",
            "success_factors",
            "articles",
            "target_areas",
            "public_health",
            "featured",
            "position",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["articles"].queryset = Article.objects.order_by("number")
        self.fields["articles"].help_text = _("Hold Ctrl (or Cmd) to choose more than one.")

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["articles"] = list(data["articles"])
        return data


class ImportForm(forms.Form):
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[("", _("Tell from the file")), *ImportRun.Format.choices],
        required=False,
    )
    file = forms.FileField(label=_("File"))
    indicator = forms.ModelChoiceField(
        label=_("Indicator (for an SCB table)"),
        queryset=Indicator.objects.none(),
        required=False,
        help_text=_(
            "An SCB CSV table does not name its indicator; choose it here. For a json-stat2 "
            "table with one contents code, the choice is used instead of the contents code."
        ),
    )
    skip_unknown_areas = forms.BooleanField(
        label=_("Skip municipalities and counties that are not in Barnrätt"),
        required=False,
        help_text=_("Otherwise an unknown code stops the import."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = Indicator.objects.visible_to(user)


class CitationForm(forms.Form):
    indicator = ListedModelChoiceField(label=_("Indicator"), queryset=Indicator.objects.none())
    note = forms.CharField(label=_("What it shows for this case"), max_length=500, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = Indicator.objects.visible_to(user)
