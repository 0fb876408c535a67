"""Forms for a network, its contact persons, meetings and shared items. The services write."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from assessments.models import Case
from core.forms import DateInput
from organisations.models import Body, Organisation

from .models import (
    MeetingAttendance,
    MeetingSeries,
    Network,
    NetworkContact,
    NetworkMeeting,
    NetworkPartner,
    SharedItem,
)


class NetworkForm(forms.ModelForm):
    class Meta:
        model = Network
        fields = [
            "name",
            "kind",
            "convened_by",
            "description",
            "member_organisations",
            "member_bodies",
        ]
        widgets = {
            "member_organisations": forms.CheckboxSelectMultiple,
            "member_bodies": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, organisation=None, user, **kwargs):
        super().__init__(*args, **kwargs)
        # An edit form works in the organisation of the record it edits.
        organisation = organisation or self.instance.organisation
        self.organisation = organisation
        # Any organisation may be invited; bodies only from organisations the user works in.
        bodies = Body.objects.visible_to(user)
        if self.instance.pk:
            # Keep members from organisations the user does not work in, or saving drops them.
            bodies = bodies | Body.objects.filter(networks=self.instance)
        self.fields["member_bodies"].queryset = bodies.distinct().select_related("organisation")
        self.fields["member_bodies"].label_from_instance = lambda body: (
            f"{body} ({body.organisation})"
        )
        self.fields["convened_by"].queryset = Body.objects.filter(organisation=organisation)

    def clean_name(self):
        name = self.cleaned_data["name"]
        others = Network.objects.filter(organisation=self.organisation, name__iexact=name)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("The organisation already has a network with that name."))
        return name


class MeetingForm(forms.ModelForm):
    """A meeting, and the members' cases it prepares: those the user sees (a case the user does
    not see stays linked, untouched)."""

    class Meta:
        model = NetworkMeeting
        fields = ["title", "held_on", "place", "agenda", "notes", "cases"]
        widgets = {
            "held_on": DateInput(),
            "agenda": forms.Textarea(attrs={"rows": 6}),
            "notes": forms.Textarea(attrs={"rows": 10}),
            "cases": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "agenda": _("Simple formatting (paragraphs, lists, links) is kept."),
            "notes": _("Simple formatting (paragraphs, lists, links) is kept."),
        }

    def __init__(self, *args, network, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.visible_cases = Case.objects.visible_to(user).filter(
            organisation_id__in=network.member_organisation_ids()
        )
        # Cases still to be decided, and those already linked: a meeting prepares, and the
        # decided cases of a large municipality would bury the choice.
        linked = Q(network_meetings=self.instance) if self.instance.pk else Q(pk__in=[])
        self.fields["cases"].queryset = (
            self.visible_cases.filter(~Q(status=Case.Status.DECIDED) | linked)
            .select_related("organisation")
            .distinct()
            .order_by("organisation__name", "-id")
        )
        self.fields["cases"].label_from_instance = lambda case: (
            f"{case.case_number} {case.title} ({case.organisation})"
        )
        self.fields["cases"].help_text = _("The members' cases this meeting prepares.")

    def clean_cases(self):
        chosen = list(self.cleaned_data["cases"])
        if self.instance.pk:
            hidden = self.instance.cases.exclude(pk__in=self.visible_cases.values("pk"))
            chosen += list(hidden)
        return chosen


class SeriesForm(forms.ModelForm):
    agenda = forms.CharField(
        label=_("Agenda for every meeting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Each meeting can be given its own agenda later."),
    )

    class Meta:
        model = MeetingSeries
        fields = ["title", "place", "frequency", "interval", "starts_on", "ends_on"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}


class AttendanceForm(forms.Form):
    """One number per member body and capacity, and a box per partner."""

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.bodies = list(meeting.network.member_bodies.select_related("organisation"))
        self.partners = list(meeting.network.partners.all())
        counts = {
            (row.body_id, row.capacity): row.attendees
            for row in meeting.attendance.all()
            if row.body_id
        }
        present = {row.partner_id for row in meeting.attendance.all() if row.partner_id}
        self.keys = []
        for body in self.bodies:
            for capacity in (
                MeetingAttendance.Capacity.ELECTED,
                MeetingAttendance.Capacity.OFFICIAL,
            ):
                name = f"body_{body.pk}_{capacity.value}"
                self.keys.append((name, body, capacity.value))
                self.fields[name] = forms.IntegerField(
                    label=_("%(body)s (%(organisation)s): %(capacity)s")
                    % {
                        "body": body.name,
                        "organisation": body.organisation,
                        "capacity": capacity.label,
                    },
                    min_value=0,
                    max_value=500,
                    required=False,
                    initial=counts.get((body.pk, capacity.value)),
                )
        for partner in self.partners:
            self.fields[f"partner_{partner.pk}"] = forms.BooleanField(
                label=_("%(partner)s was there") % {"partner": partner.name},
                required=False,
                initial=partner.pk in present,
            )

    def service_fields(self) -> dict:
        return {
            "bodies": {
                (body, capacity): self.cleaned_data[name]
                for name, body, capacity in self.keys
                if self.cleaned_data.get(name)
            },
            "partners": [p for p in self.partners if self.cleaned_data.get(f"partner_{p.pk}")],
        }


class PartnerForm(forms.ModelForm):
    class Meta:
        model = NetworkPartner
        fields = [
            "name",
            "kind",
            "description",
            "contact_consent",
            "contact_name",
            "email",
            "phone",
        ]


class MeetingDocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word, Excel, OpenDocument, PNG or JPEG, at most 20 MB."),
    )


class ContactForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(
        label=_("Member organisation"), queryset=Organisation.objects.none()
    )

    class Meta:
        model = NetworkContact
        fields = ["organisation", "user", "role"]

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in organisations]
        )
        self.fields["user"].queryset = (
            get_user_model()
            .objects.filter(memberships__organisation__in=organisations, is_active=True)
            .distinct()
            .order_by("last_name", "first_name", "username")
        )
        self.fields["user"].label_from_instance = lambda user: user.get_full_name() or user


class ShareForm(forms.Form):
    """Choose one of the organisations' own items of one kind to share with the network."""

    item = forms.ModelChoiceField(label=_("Item"), queryset=None)
    note = forms.CharField(label=_("Note to the network"), max_length=300, required=False)

    def __init__(self, *args, kind, queryset, **kwargs):
        super().__init__(*args, prefix=kind, **kwargs)
        self.kind = kind
        self.fields["item"].queryset = queryset
        # Choice labels are lower case ("good example"); a field label starts with a capital.
        self.fields["item"].label = capfirst(SharedItem.Kind(kind).label)
        self.fields["item"].label_from_instance = lambda item: f"{item} ({item.organisation})"


class ComparisonShareForm(forms.Form):
    network = forms.ModelChoiceField(label=_("Network"), queryset=None)
    note = forms.CharField(label=_("Note to the network"), max_length=300, required=False)

    def __init__(self, *args, networks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = networks


class SharedTemplateCopyForm(forms.Form):
    """Where a member copies a template shared with the network: one of the network's members
    in which the user may add templates."""

    organisation = forms.ModelChoiceField(
        label=_("Copy to"), queryset=Organisation.objects.none(), empty_label=None
    )

    def __init__(self, *args, organisation_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=organisation_ids
        ).order_by("name")
