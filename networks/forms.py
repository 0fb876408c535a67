"""Forms for a network, its contact persons, meetings and shared items. The services write."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput
from organisations.models import Body, Organisation

from .models import Network, NetworkContact, NetworkMeeting, SharedItem


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
    class Meta:
        model = NetworkMeeting
        fields = ["title", "held_on", "place", "agenda", "notes"]
        widgets = {
            "held_on": DateInput(),
            "agenda": forms.Textarea(attrs={"rows": 6}),
            "notes": forms.Textarea(attrs={"rows": 10}),
        }
        help_texts = {
            "agenda": _("Simple formatting (paragraphs, lists, links) is kept."),
            "notes": _("Simple formatting (paragraphs, lists, links) is kept."),
        }


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
