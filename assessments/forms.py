"""Forms for cases, the assessment (built from the template version), review and decision."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from convention.choices import article_choices
from core.forms import DateInput, limit_to_bodies
from organisations.models import Body
from publichealth.choices import target_area_choices

from . import questions as Q_
from .models import Case, Decision, TemplateVersion


class CaseForm(forms.ModelForm):
    class Meta:
        model = Case
        fields = ["body", "case_number", "title", "description", "officer", "planned_decision_date"]
        widgets = {
            "planned_decision_date": DateInput(format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, organisation=None, bodies=None, **kwargs):
        super().__init__(*args, **kwargs)
        # An edit form works in the organisation of the record it edits.
        organisation = organisation or self.instance.organisation
        self.organisation = organisation
        self.fields["body"].queryset = Body.objects.filter(organisation=organisation)
        limit_to_bodies(self, "body", bodies)
        people = get_user_model().objects.filter(
            memberships__organisation=organisation, is_active=True
        )
        self.fields["officer"].queryset = people.distinct()

    def clean_case_number(self):
        number = self.cleaned_data["case_number"].strip()
        others = Case.objects.filter(organisation=self.organisation, case_number__iexact=number)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("The organisation already has a case with that number."))
        return number


class StartAssessmentForm(forms.Form):
    version = forms.ModelChoiceField(
        label=_("Template"),
        queryset=TemplateVersion.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import AssessmentTemplate

        templates = AssessmentTemplate.objects.visible_to(user)
        self.fields["version"].queryset = (
            TemplateVersion.objects.filter(
                template__in=templates, status=TemplateVersion.Status.PUBLISHED
            )
            .select_related("template")
            .order_by("template__name", "-number")
        )
        self.fields["version"].label_from_instance = lambda v: f"{v.template.name} (v{v.number})"


def _choices(options):
    return [(option["value"], Q_.localised(option["text"])) for option in options]


def build_answer_form(sections, *, data=None, initial=None):
    """A form with one field per question (three per group for the consequences table)."""
    form = forms.Form(data=data, initial=_flatten(sections, initial or {}))
    for section, question in Q_.iter_questions(sections):
        for name, field in _fields_for(question):
            field.required = False
            field.section = section
            field.question = question
            form.fields[name] = field
    return form


def _fields_for(question):
    kind, key = question["kind"], question["key"]
    label, help_text = Q_.localised(question["text"]), Q_.localised(question.get("help", ""))
    common = {"label": label, "help_text": help_text}
    if kind == Q_.YES_NO_UNKNOWN:
        return [
            (
                key,
                forms.ChoiceField(
                    choices=Q_.YES_NO_UNKNOWN_CHOICES, widget=forms.RadioSelect, **common
                ),
            )
        ]
    if kind == Q_.SINGLE_CHOICE:
        return [
            (
                key,
                forms.ChoiceField(
                    choices=_choices(question["options"]), widget=forms.RadioSelect, **common
                ),
            )
        ]
    if kind == Q_.MULTIPLE_CHOICE:
        return [
            (
                key,
                forms.MultipleChoiceField(
                    choices=_choices(question["options"]),
                    widget=forms.CheckboxSelectMultiple,
                    **common,
                ),
            )
        ]
    if kind == Q_.FREE_TEXT:
        return [
            (
                key,
                forms.CharField(
                    widget=forms.Textarea(attrs={"rows": 4}), max_length=10000, **common
                ),
            )
        ]
    if kind == Q_.ARTICLES:
        return [
            (
                key,
                forms.TypedMultipleChoiceField(
                    choices=article_choices,
                    coerce=int,
                    widget=forms.CheckboxSelectMultiple,
                    **common,
                ),
            )
        ]
    if kind == Q_.TARGET_AREAS:
        return [
            (
                key,
                forms.TypedMultipleChoiceField(
                    choices=target_area_choices,
                    coerce=int,
                    widget=forms.CheckboxSelectMultiple,
                    **common,
                ),
            )
        ]
    if kind == Q_.CHILD_GROUPS:
        return [
            (
                key,
                forms.MultipleChoiceField(
                    choices=Q_.CHILD_GROUPS_CHOICES, widget=forms.CheckboxSelectMultiple, **common
                ),
            )
        ]
    if kind == Q_.CONSEQUENCES:
        return list(_consequence_fields(key))
    raise ValueError(f"Unknown question kind {kind!r}")


def _consequence_fields(key):
    for group, group_label in Q_.CHILD_GROUPS_CHOICES:
        for part, part_label, choices in (
            ("effect", _("Effect"), Q_.EFFECT_CHOICES),
            ("size", _("How large"), Q_.SIZE_CHOICES),
            ("likelihood", _("How likely"), Q_.LIKELIHOOD_CHOICES),
        ):
            field = forms.ChoiceField(
                choices=[("", "–"), *choices], label=f"{group_label}: {part_label}"
            )
            field.group, field.part = group, part
            yield f"{key}__{group}__{part}", field


def _flatten(sections, answers):
    """Stored answers as initial form values (the consequences table is nested)."""
    initial = dict(answers)
    for _section, question in Q_.iter_questions(sections):
        if question["kind"] == Q_.CONSEQUENCES:
            for group, parts in (answers.get(question["key"]) or {}).items():
                for part, value in parts.items():
                    initial[f"{question['key']}__{group}__{part}"] = value
    return initial


def collect_answers(sections, cleaned_data):
    """Cleaned form data back into the stored shape; empty answers are left out."""
    answers = {}
    for _section, question in Q_.iter_questions(sections):
        key = question["key"]
        if question["kind"] == Q_.CONSEQUENCES:
            table = {}
            for group, _label in Q_.CHILD_GROUPS_CHOICES:
                parts = {
                    p: cleaned_data.get(f"{key}__{group}__{p}")
                    for p in ("effect", "size", "likelihood")
                }
                parts = {p: v for p, v in parts.items() if v}
                if parts:
                    table[group] = parts
            value = table
        else:
            value = cleaned_data.get(key)
        if Q_.is_answered(value):
            answers[key] = list(value) if isinstance(value, list | tuple) else value
    return answers


class ReviewForm(forms.Form):
    comments = forms.CharField(
        label=_("Comments"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_("Required when you return the assessment: say what it lacks."),
    )


class DecisionForm(forms.ModelForm):
    follows_best_interests = forms.TypedChoiceField(
        label=_("Does the decision follow the assessed best interests of the child?"),
        choices=[("True", _("Yes")), ("False", _("No"))],
        coerce=lambda value: value == "True",
        widget=forms.RadioSelect,
        help_text=_("If not, give the reasons and the compensating measures."),
    )
    # Asked only when the date posted is in another year than today's: the decision date
    # places the case in that year's account, so a slip of the year must not pass unnoticed.
    count_in_other_year = forms.BooleanField(
        label=_("Yes, the decision was made in that year and counts in that year's account"),
        required=False,
    )

    class Meta:
        model = Decision
        fields = Decision.RECORDED_FIELDS
        help_texts = {
            "childrens_views_weighed": _(
                "What the children said, how much it counted, and why, where it did not shape "
                "the decision. It becomes the first draft of the feedback to the children."
            )
        }
        widgets = {
            "decided_on": DateInput(format="%Y-%m-%d"),
            "follow_up_date": DateInput(format="%Y-%m-%d"),
            "outcome": forms.Textarea(attrs={"rows": 3}),
            "reasons": forms.Textarea(attrs={"rows": 3}),
            "compensating_measures": forms.Textarea(attrs={"rows": 3}),
            "childrens_views_weighed": forms.Textarea(attrs={"rows": 4}),
            "feedback_plan": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self._posted_year() in (None, timezone.localdate().year):
            del self.fields["count_in_other_year"]
            return
        order = [name for name in self.fields if name != "count_in_other_year"]
        order.insert(order.index("decided_on") + 1, "count_in_other_year")
        self.order_fields(order)

    def _posted_year(self) -> int | None:
        """The year of the decision date as posted, or None (not posted, or not a date)."""
        if not self.is_bound:
            return None
        try:
            posted = self.fields["decided_on"].clean(self.data.get(self.add_prefix("decided_on")))
        except ValidationError:
            return None
        return posted.year if posted else None

    def clean(self):
        data = super().clean()
        confirmed = data.pop("count_in_other_year", False)
        decided_on = data.get("decided_on")
        if "count_in_other_year" in self.fields and decided_on and not confirmed:
            self.add_error(
                "count_in_other_year",
                _(
                    "The decision date is in %(year)s, not this year: the case will count in "
                    "the account for %(year)s. Check the date, or confirm that it is right."
                )
                % {"year": decided_on.year},
            )
        return data


class FollowUpForm(forms.Form):
    done_on = forms.DateField(label=_("Followed up on"), widget=DateInput(format="%Y-%m-%d"))
    notes = forms.CharField(
        label=_("What did the follow-up show?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
    )


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, Word, Excel, OpenDocument, PNG or JPEG, at most 20 MB."),
    )
    url = forms.URLField(
        label=_("Or a link"), required=False, max_length=1000, assume_scheme="https"
    )

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("file")) == bool(cleaned.get("url")):
            raise forms.ValidationError(_("Attach either a file or a link."))
        return cleaned
