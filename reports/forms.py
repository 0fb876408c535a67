"""Forms for yearly reports. They validate input; the services write it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import limit_to_bodies
from organisations.models import Body
from planning.success_factors import SuccessFactor

from .models import OwnSection, Report


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["year", "body", "title"]

    def __init__(self, *args, organisation, bodies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.instance.organisation = organisation
        self.fields["body"].queryset = (
            Body.objects.filter(organisation=organisation, served_organisations__isnull=False)
            .distinct()
            .order_by("name")
        )
        limit_to_bodies(self, "body", bodies)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Leave empty for the usual title.")

    def clean(self):
        cleaned = super().clean()
        year, body = cleaned.get("year"), cleaned.get("body")
        if year:
            same = Report.objects.filter(year=year)
            same = (
                same.filter(body=body)
                if body
                else same.filter(organisation=self.organisation, body__isnull=True)
            )
            if same.exists():
                raise forms.ValidationError(_("There is already a report for that year."))
        return cleaned

    def validate_unique(self):
        # The slug is made by the service; the year is checked in clean().
        pass


class TextsForm(forms.Form):
    """The coordinator's texts, and their own wording of any generated sentence."""

    title = forms.CharField(label=_("Title"), max_length=200)
    foreword = forms.CharField(label=_("Foreword"), required=False, widget=forms.Textarea)
    priorities = forms.CharField(
        label=_("Priorities for next year"), required=False, widget=forms.Textarea
    )

    def __init__(self, *args, report, sentences, **kwargs):
        initial = {
            "title": report.title,
            "foreword": report.foreword,
            "priorities": report.priorities,
        }
        self.analysis_fields = {}
        self.sentence_fields = {}
        for value, _label in SuccessFactor.choices:
            initial[f"analysis_{value}"] = report.analysis.get(value, "")
        for sentence_id, _text in sentences:
            initial[self.sentence_field(sentence_id)] = report.overrides.get(sentence_id, "")
        super().__init__(*args, initial=initial, **kwargs)
        for value, label in SuccessFactor.choices:
            name = f"analysis_{value}"
            self.fields[name] = forms.CharField(
                label=label, required=False, widget=forms.Textarea(attrs={"rows": 4})
            )
            self.analysis_fields[name] = value
        for sentence_id, text in sentences:
            name = self.sentence_field(sentence_id)
            self.fields[name] = forms.CharField(
                label=text,
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Your own wording; leave empty to keep the generated sentence."),
            )
            self.sentence_fields[name] = sentence_id

    @staticmethod
    def sentence_field(sentence_id: str) -> str:
        # Named by the sentence's id, not its place: the figures (and so the sentences shown)
        # may change between showing the form and saving it.
        return "sentence-" + sentence_id.replace(".", "-")

    def analysis_bound_fields(self):
        return [self[name] for name in self.analysis_fields]

    def sentence_bound_fields(self):
        return [self[name] for name in self.sentence_fields]

    def texts(self, report) -> dict:
        """The texts to store. Own wordings of sentences not shown now (the figures changed)
        are kept."""
        data = self.cleaned_data
        shown = set(self.sentence_fields.values())
        kept = {sid: text for sid, text in report.overrides.items() if sid not in shown}
        return {
            "title": data["title"],
            "foreword": data["foreword"],
            "priorities": data["priorities"],
            "analysis": {value: data[name] for name, value in self.analysis_fields.items()},
            "overrides": kept | {sid: data[name] for name, sid in self.sentence_fields.items()},
        }


class OwnSectionForm(forms.ModelForm):
    """A section of the coordinator's own: its part, title, text and place in the part."""

    class Meta:
        model = OwnSection
        fields = ["part", "title", "text", "order"]
        widgets = {"text": forms.Textarea(attrs={"rows": 12})}
