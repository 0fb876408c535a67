"""The forms of the yearly self-assessment: starting a year, and the one page with all seven
factors (one `RatingForm` per factor, prefixed by the factor)."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from assessments.models import Case
from core.forms import limit_to_bodies
from organisations.models import Body

from .maturity import MEANINGS, Level
from .models import SelfAssessment


def _lines(text: str) -> list[str]:
    return list(dict.fromkeys(line.strip() for line in (text or "").splitlines() if line.strip()))


class StartForm(forms.ModelForm):
    class Meta:
        model = SelfAssessment
        fields = ["year", "body", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, organisation, bodies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.filter(
            organisation=organisation, served_organisations__isnull=False
        ).distinct()
        limit_to_bodies(self, "body", bodies)


class SummaryForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary of the year"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RatingForm(forms.Form):
    """One factor: its level with what each level means, the evidence and the next steps. The
    choices of documents, plans and trainings are read once by the view and shared by the seven
    forms."""

    level = forms.TypedChoiceField(
        label=_("Level"),
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    evidence = forms.CharField(
        label=_("Evidence"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What shows that the level is reached."),
    )
    policies = forms.TypedMultipleChoiceField(
        label=_("Policy documents"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    plans = forms.TypedMultipleChoiceField(
        label=_("Action plans"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    trainings = forms.TypedMultipleChoiceField(
        label=_("Trainings"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    case_numbers = forms.CharField(
        label=_("Cases"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Case numbers (diarienummer) that show the work, one per line."),
    )
    links = forms.CharField(
        label=_("Links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Web addresses of other evidence, such as a training or a report, one per line."
        ),
    )
    next_steps = forms.CharField(
        label=_("Next steps"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, factor, organisation, policies, plans, trainings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.factor = factor
        self.organisation = organisation
        self.policy_objects = {policy.pk: policy for policy in policies}
        self.plan_objects = {plan.pk: plan for plan in plans}
        self.training_objects = {training.pk: training for training in trainings}
        meanings = MEANINGS[factor]
        self.fields["level"].choices = [("", _("Not rated yet"))] + [
            (value, f"{label} – {meanings[value]}") for value, label in Level.choices
        ]
        self.fields["policies"].choices = [(p.pk, p.title) for p in policies]
        self.fields["plans"].choices = [(p.pk, str(p)) for p in plans]
        self.fields["trainings"].choices = [
            (t.pk, f"{t.topic} ({t.held_on.isoformat()})") for t in trainings
        ]
        if not policies:
            del self.fields["policies"]
        if not plans:
            del self.fields["plans"]
        if not trainings:
            del self.fields["trainings"]

    @staticmethod
    def initial_for(rating) -> dict:
        """The form's initial values from a rating whose links were prefetched."""
        return {
            "level": rating.level,
            "evidence": rating.evidence,
            "policies": [policy.pk for policy in rating.policies.all()],
            "plans": [plan.pk for plan in rating.plans.all()],
            "trainings": [training.pk for training in rating.trainings.all()],
            "case_numbers": "\n".join(case.case_number for case in rating.cases.all()),
            "links": "\n".join(rating.links),
            "next_steps": rating.next_steps,
        }

    def clean_case_numbers(self):
        numbers = _lines(self.cleaned_data["case_numbers"])
        found = {
            case.case_number.lower(): case
            for case in Case.objects.filter(organisation=self.organisation).filter(
                case_number__in=numbers
            )
        }
        missing = [number for number in numbers if number.lower() not in found]
        if missing:
            raise ValidationError(
                _("There is no case numbered %(number)s.") % {"number": ", ".join(missing)}
            )
        return [found[number.lower()] for number in numbers]

    def clean_links(self):
        links = _lines(self.cleaned_data["links"])
        check = URLValidator(schemes=["http", "https"])
        for link in links:
            try:
                check(link)
            except ValidationError as error:
                raise ValidationError(_("Not a web address: %(link)s") % {"link": link}) from error
        return links

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["cases"] = data.pop("case_numbers")
        data["policies"] = [self.policy_objects[pk] for pk in data.get("policies", [])]
        data["plans"] = [self.plan_objects[pk] for pk in data.get("plans", [])]
        data["trainings"] = [self.training_objects[pk] for pk in data.get("trainings", [])]
        return data
