"""Forms of the peer review. They validate input; the services write it."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput
from organisations.models import Organisation
from planning.maturity import Level
from planning.models import Goal
from planning.success_factors import SuccessFactor

from .access import network_organisation_ids
from .models import DocumentRead, Interview, PeerReview, Recommendation

PLAN_FIELDS = ["title", "year", "focus_factors", "questions", "visit_date", "report_due"]


class ReviewForm(forms.ModelForm):
    """The plan: who is reviewed, who reviews, the factors in focus, the questions, the dates."""

    reviewed = forms.ModelChoiceField(
        label=_("Reviewed organisation"), queryset=Organisation.objects.none()
    )
    reviewing_organisations = forms.ModelMultipleChoiceField(
        label=_("Reviewing organisations"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    reviewers = forms.ModelMultipleChoiceField(
        label=_("Named reviewers"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("People from the reviewing organisations who take part (optional)."),
    )
    focus_factors = forms.MultipleChoiceField(
        label=_("Success factors in focus"),
        choices=SuccessFactor.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = PeerReview
        fields = PLAN_FIELDS
        widgets = {
            "questions": forms.Textarea(attrs={"rows": 5}),
            "visit_date": DateInput(),
            "report_due": DateInput(),
        }

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        members = Organisation.objects.filter(pk__in=network_organisation_ids(network))
        self.fields["reviewed"].queryset = members
        self.fields["reviewing_organisations"].queryset = members
        self.fields["reviewers"].queryset = (
            get_user_model()
            .objects.filter(memberships__organisation__in=members, is_active=True)
            .distinct()
            .order_by("last_name", "first_name", "pk")
        )
        self.fields["reviewers"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )
        if self.instance.pk:
            del self.fields["reviewed"]  # the reviewed organisation is fixed once planned
        elif not self.initial.get("year"):
            self.initial["year"] = datetime.date.today().year

    def service_fields(self) -> dict:
        fields = {name: self.cleaned_data[name] for name in PLAN_FIELDS}
        fields["reviewing_organisations"] = list(self.cleaned_data["reviewing_organisations"])
        fields["reviewers"] = list(self.cleaned_data["reviewers"])
        if "reviewed" in self.fields:
            fields["organisation"] = self.cleaned_data["reviewed"]
        return fields


class InterviewForm(forms.ModelForm):
    class Meta:
        model = Interview
        fields = ["held_on", "with_whom", "notes"]
        widgets = {"held_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 5})}


class DocumentForm(forms.ModelForm):
    link = forms.URLField(label=_("Link"), required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = DocumentRead
        fields = ["title", "link", "reference"]


class FindingForm(forms.Form):
    text = forms.CharField(
        label=_("Findings"), widget=forms.Textarea(attrs={"rows": 8}), required=False
    )
    level = forms.TypedChoiceField(
        label=_("The reviewers' rating"),
        choices=Level.choices,
        coerce=int,
        widget=forms.RadioSelect,
        required=False,
        empty_value=None,
        help_text=_("The same maturity scale as the self-assessment."),
    )


class RecommendationForm(forms.Form):
    text = forms.CharField(label=_("Recommendation"), widget=forms.Textarea(attrs={"rows": 4}))


class ReportForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary of the review"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Answer"), choices=Recommendation.Answer.choices, widget=forms.RadioSelect
    )
    answer_text = forms.CharField(
        label=_("The answer in words"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


class ActivityForm(forms.Form):
    """A recommendation made an activity: the goal (in a plan and priority area) and the dates."""

    goal = forms.ModelChoiceField(label=_("Plan, priority area and goal"), queryset=Goal.objects)
    title = forms.CharField(label=_("Activity"), max_length=300)
    starts_on = forms.DateField(label=_("Starts"), widget=DateInput())
    ends_on = forms.DateField(label=_("Ends"), widget=DateInput())

    def __init__(self, *args, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = goals
        self.fields["goal"].label_from_instance = lambda goal: (
            f"{goal.plan.title} › {goal.area.title} › {goal.title}"
        )

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The activity must end on or after its start."))
        return cleaned
