"""Forms for trainings, material and headcounts. They validate input; the services write it."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .models import TargetGroup, TrainingSession
from .services import bodies_for


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def people_of(organisation):
    return (
        get_user_model()
        .objects.filter(memberships__organisation=organisation, is_active=True)
        .distinct()
        .order_by("last_name", "first_name")
    )


class SessionForm(forms.ModelForm):
    """The session, and one number field per body: how many of the participants came from it."""

    class Meta:
        model = TrainingSession
        fields = ["held_on", "topic", "format", "target_group", "description", "attendees"]
        widgets = {
            "held_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
            "attendees": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        # An edit form works in the organisation of the record it edits.
        organisation = organisation or self.instance.organisation
        self.bodies = list(bodies_for(organisation))
        counts = {}
        if self.instance.pk:
            counts = dict(self.instance.body_counts.values_list("body_id", "participants"))
        for body in self.bodies:
            self.fields[f"body_{body.pk}"] = forms.IntegerField(
                label=_("Participants from %(body)s") % {"body": body.name},
                required=False,
                min_value=0,
                max_value=100000,
                initial=counts.get(body.pk),
            )
        self.fields["attendees"].queryset = people_of(organisation)
        self.fields["attendees"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )
        self.fields["attendees"].help_text = _(
            "For staff trainings, optionally: who took part, so that the list of who has not "
            "been trained yet stays right."
        )

    def clean(self):
        data = super().clean()
        if not any(data.get(f"body_{body.pk}") for body in self.bodies):
            raise forms.ValidationError(
                _("Give the number of participants from at least one body.")
            )
        if data.get("attendees") and data.get("target_group") != TargetGroup.STAFF:
            self.add_error("attendees", _("Names are recorded for staff trainings only."))
        return data

    def service_fields(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["attendees"] = list(data["attendees"])
        data["body_counts"] = {
            body: self.cleaned_data[f"body_{body.pk}"]
            for body in self.bodies
            if self.cleaned_data.get(f"body_{body.pk}")
        }
        return data


class MaterialForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(
        label=_("File"), help_text=_("PDF, Word, Excel, PowerPoint, OpenDocument, PNG or JPEG.")
    )


class HeadcountForm(forms.Form):
    """The coverage target and one number per body and target group, for one year."""

    target = forms.IntegerField(
        label=_("Coverage target (%)"),
        required=False,
        min_value=1,
        max_value=100,
        help_text=_("The share of each body's people to be trained this year, e.g. 80."),
    )

    def __init__(self, *args, organisation, headcounts: dict, target=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].initial = target
        self.keys = []
        for body in bodies_for(organisation):
            for group in TargetGroup:
                name = f"hc_{body.pk}_{group.value}"
                self.keys.append((name, body, group.value))
                self.fields[name] = forms.IntegerField(
                    label=_("%(body)s – %(group)s") % {"body": body.name, "group": group.label},
                    required=False,
                    min_value=0,
                    max_value=1000000,
                    initial=headcounts.get((body.pk, group.value)),
                )

    def counts(self) -> dict:
        return {(body, group): self.cleaned_data.get(name) for name, body, group in self.keys}
