"""Forms for policies and plans. They validate input; the services write it."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from convention.models import Article
from core.forms import DateInput, limit_to_bodies
from organisations.models import Body
from publichealth.forms import TargetAreaField

from .models import (
    ActionPlan,
    Activity,
    ChildFriendlyAgreement,
    ChildFriendlyStep,
    FollowUp,
    Goal,
    Policy,
    PriorityArea,
)
from .success_factors import SuccessFactor


def bodies_for(organisation):
    """The organisation's own bodies and the joint bodies that serve it."""
    return (
        Body.objects.filter(Q(organisation=organisation) | Q(served_organisations=organisation))
        .distinct()
        .order_by("name")
    )


class ServesMixin(forms.ModelForm):
    """Success factors, articles and public-health target areas, for policies and goals."""

    target_areas = TargetAreaField()

    def _serves_fields(self):
        self.fields["success_factors"] = forms.MultipleChoiceField(
            label=_("Success factors served"),
            choices=SuccessFactor.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["articles"].queryset = Article.objects.order_by("number")
        self.fields["articles"].help_text = _("Hold Ctrl (or Cmd) to choose more than one.")


class PolicyForm(ServesMixin):
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, Word, Excel, OpenDocument, PNG or JPEG. A new file replaces the old."),
    )

    class Meta:
        model = Policy
        fields = [
            "kind",
            "title",
            "adopted_by",
            "adopted_on",
            "decision_reference",
            "valid_until",
            "next_revision",
            "responsible_body",
            "url",
            "success_factors",
            "articles",
            "target_areas",
        ]
        widgets = {
            "adopted_on": DateInput(),
            "valid_until": DateInput(),
            "next_revision": DateInput(),
        }

    url = forms.URLField(label=_("Link"), required=False, max_length=1000, assume_scheme="https")

    def __init__(self, *args, organisation=None, bodies=None, **kwargs):
        super().__init__(*args, **kwargs)
        # An edit form works in the organisation of the record it edits.
        organisation = organisation or self.instance.organisation
        for name in ("adopted_by", "responsible_body"):
            self.fields[name].queryset = bodies_for(organisation)
        limit_to_bodies(self, "responsible_body", bodies)
        self._serves_fields()

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["uploaded"] = data.pop("file", None)
        data["articles"] = list(data["articles"])
        return data


class PlanForm(forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = [
            "kind",
            "title",
            "body",
            "builds_on",
            "start_year",
            "end_year",
            "status",
            "description",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, organisation=None, plans=None, bodies=None, **kwargs):
        """`plans`: the plans the user sees, which this one may build on. `bodies`: the only
        bodies the plan may belong to, for a user whose right comes from a role on a body (a
        team's coordinator); None: any joint body of the organisation, or none."""
        super().__init__(*args, **kwargs)
        # An edit form works in the organisation of the record it edits.
        organisation = organisation or self.instance.organisation
        self.fields["body"].queryset = Body.objects.filter(
            organisation=organisation, served_organisations__isnull=False
        ).distinct()
        if bodies is not None:
            self.fields["body"].queryset = Body.objects.filter(pk__in=bodies).order_by("name")
            self.fields["body"].required = True
        # Optional so that a form without it (an older client) keeps the child-rights plan.
        self.fields["kind"].required = False
        builds_on = plans if plans is not None else ActionPlan.objects.none()
        if self.instance.pk:
            builds_on = builds_on.exclude(pk=self.instance.pk)
        self.fields["builds_on"].queryset = builds_on.select_related("organisation").order_by(
            "kind", "-start_year", "title"
        )
        self.fields["builds_on"].label_from_instance = lambda plan: (
            f"{plan} – {plan.organisation} ({plan.get_kind_display()})"
        )

    def clean_kind(self):
        return self.cleaned_data.get("kind") or self.instance.kind or ActionPlan.Kind.CHILD_RIGHTS


class AreaForm(forms.ModelForm):
    class Meta:
        model = PriorityArea
        fields = ["title", "description", "position"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class GoalForm(ServesMixin):
    indicator_codes = forms.CharField(
        label=_("Indicators (Kolada ids)"),
        required=False,
        help_text=_("Separated by commas or spaces, for example N00945."),
    )

    class Meta:
        model = Goal
        fields = [
            "title",
            "description",
            "success_factors",
            "articles",
            "target_areas",
            "position",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._serves_fields()
        if self.instance.pk:
            self.initial["indicator_codes"] = ", ".join(self.instance.indicator_codes)

    def clean_indicator_codes(self):
        text = self.cleaned_data["indicator_codes"].replace(",", " ")
        return list(dict.fromkeys(code.upper() for code in text.split()))

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["articles"] = list(data["articles"])
        return data

    def _post_clean(self):
        # The model checks the ids; the form field's list goes onto the instance first.
        self.instance.indicator_codes = self.cleaned_data.get("indicator_codes", [])
        super()._post_clean()


class ActivityForm(forms.ModelForm):
    target_areas = TargetAreaField()

    class Meta:
        model = Activity
        fields = [
            "title",
            "description",
            "responsible_body",
            "responsible_person",
            "starts_on",
            "ends_on",
            "status",
            "cost",
            "articles",
            "target_areas",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
        }

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = plan.organisation
        self.fields["responsible_body"].queryset = bodies_for(organisation)
        self.fields["responsible_person"].queryset = (
            get_user_model()
            .objects.filter(memberships__organisation=organisation, is_active=True)
            .distinct()
            .order_by("last_name", "first_name")
        )
        self.fields["responsible_person"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )
        self.fields["articles"].queryset = Article.objects.order_by("number")
        self.fields["articles"].help_text = _("Hold Ctrl (or Cmd) to choose more than one.")


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = [
            "period",
            "status",
            "result",
            "effects_for_population",
            "effects_for_children",
            "goal_reached",
            "more_measures_needed",
        ]
        widgets = {
            "result": forms.Textarea(attrs={"rows": 4}),
            "effects_for_population": forms.Textarea(attrs={"rows": 4}),
            "effects_for_children": forms.Textarea(attrs={"rows": 4}),
        }


class DocumentMixin(forms.ModelForm):
    """A link and a file for the child-friendly municipality's agreement and steps."""

    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, Word, Excel, OpenDocument, PNG or JPEG. A new file replaces the old."),
    )
    url = forms.URLField(label=_("Link"), required=False, max_length=1000, assume_scheme="https")

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["uploaded"] = data.pop("file", None)
        return data


class AgreementForm(DocumentMixin):
    class Meta:
        model = ChildFriendlyAgreement
        fields = ["body", "partner", "signed_on", "decision_reference", "ends_on", "url", "notes"]
        widgets = {
            "signed_on": DateInput(),
            "ends_on": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    step_names = forms.CharField(
        label=_("Steps of the cycle"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=_(
            "One step a line, as the agreement names them (Karlskoga and Degerfors: seven). "
            "Leave empty for the usual five: situation analysis, action plan, implementation, "
            "follow-up and evaluation, recognition."
        ),
    )

    def __init__(self, *args, organisation=None, bodies=None, **kwargs):
        super().__init__(*args, **kwargs)
        # An edit form works in the organisation of the record it edits.
        organisation = organisation or self.instance.organisation
        self.fields["body"].queryset = Body.objects.filter(
            organisation=organisation, served_organisations__isnull=False
        ).distinct()
        limit_to_bodies(self, "body", bodies)
        if self.instance.pk:
            # The steps are made with the agreement; each is then recorded on its own.
            del self.fields["step_names"]

    def service_fields(self) -> dict:
        data = super().service_fields()
        names = data.pop("step_names", "")
        if names:
            data["steps"] = [line.strip() for line in names.splitlines() if line.strip()]
        return data


class StepForm(DocumentMixin):
    class Meta:
        model = ChildFriendlyStep
        fields = ["started_on", "completed_on", "decision_reference", "url", "notes"]
        widgets = {
            "started_on": DateInput(),
            "completed_on": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
