from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.access import can
from organisations.models import Organisation

from .questions import KINDS


class CopyTemplateForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Copy to"), queryset=Organisation.objects.none(), empty_label=None
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = [
            o.pk
            for o in Organisation.objects.visible_to(user)
            if can(user, "add", "assessmenttemplate", o.pk)
        ]
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=allowed)


class SectionForm(forms.Form):
    title_sv = forms.CharField(label=_("Title (Swedish)"), max_length=200)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    full_assessment = forms.BooleanField(
        label=_("Only when children are or may be affected"), required=False
    )


class QuestionForm(forms.Form):
    text_sv = forms.CharField(label=_("Question (Swedish)"), max_length=500)
    text_en = forms.CharField(label=_("Question (English)"), max_length=500, required=False)
    help_sv = forms.CharField(
        label=_("Guidance (Swedish)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    help_en = forms.CharField(
        label=_("Guidance (English)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    options_text = forms.CharField(
        label=_("Options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For choice questions: one option a line, as “Swedish | English”."),
    )


class NewQuestionForm(QuestionForm):
    section = forms.ChoiceField(label=_("Section"))
    kind = forms.ChoiceField(label=_("Kind of answer"), choices=list(KINDS.items()))

    field_order = ["section", "kind", "text_sv", "text_en", "help_sv", "help_en", "options_text"]

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        from .questions import localised

        self.fields["section"].choices = [(s["key"], localised(s["title"])) for s in sections]


class TemplateDetailsForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
