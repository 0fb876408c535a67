"""Forms for agreements and regulations. They validate input; the services write it."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, ListedModelChoiceField
from organisations.models import Body, Organisation

from .models import Agreement, Regulation
from .services import Party

# Party rows shown at least (blank rows are ignored): a team of four municipalities and a
# region is six parties' worth of room without any JavaScript.
PARTY_ROWS = 6


def _limit_to(field, bodies):
    if bodies is not None:
        field.queryset = Body.objects.filter(pk__in=bodies).order_by("name")
        field.required = True


def bodies_for(organisation):
    """The organisation's own bodies and the joint bodies that serve it."""
    return (
        Body.objects.filter(Q(organisation=organisation) | Q(served_organisations=organisation))
        .distinct()
        .order_by("name")
    )


class AgreementForm(forms.ModelForm):
    url = forms.URLField(label=_("Link"), required=False, max_length=1000, assume_scheme="https")

    class Meta:
        model = Agreement
        fields = [
            "kind",
            "title",
            "purpose",
            "starts_on",
            "ends_on",
            "adopted_by",
            "adopted_on",
            "decision_reference",
            "carried_out_by",
            "url",
            "notes",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "adopted_on": DateInput(),
        }

    def __init__(self, *args, organisation, bodies=None, **kwargs):
        """`bodies`: the only bodies that may carry it out, for a user whose right comes from
        a role on a body (None: any body of the organisation)."""
        super().__init__(*args, **kwargs)
        for name in ("adopted_by", "carried_out_by"):
            self.fields[name].queryset = bodies_for(organisation)
        _limit_to(self.fields["carried_out_by"], bodies)


class PartyForm(forms.Form):
    """One party: an organisation (any municipality, region or association) and its share."""

    party = ListedModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name"), required=False
    )
    funding_share = forms.DecimalField(
        label=_("Share of the funding (%)"),
        required=False,
        min_value=0,
        max_value=100,
        max_digits=5,
        decimal_places=2,
    )
    funding_note = forms.CharField(label=_("About the funding"), required=False, max_length=300)

    def clean(self):
        data = super().clean()
        has_rest = data.get("funding_share") is not None or data.get("funding_note")
        if has_rest and not data.get("party"):
            raise forms.ValidationError(_("Choose the organisation this share belongs to."))
        return data


class BasePartyFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        chosen = [
            form.cleaned_data["party"] for form in self.forms if form.cleaned_data.get("party")
        ]
        if len(chosen) != len(set(chosen)):
            raise forms.ValidationError(_("An organisation is a party only once."))
        if len(chosen) < 2:
            raise forms.ValidationError(_("An agreement has at least two parties."))

    def parties(self) -> list[Party]:
        return [
            Party(data["party"], data.get("funding_share"), data.get("funding_note", ""))
            for data in (form.cleaned_data for form in self.forms)
            if data.get("party")
        ]


def party_formset(data=None, agreement=None):
    """The party rows, filled with the agreement's parties when it has any."""
    initial = []
    if agreement is not None and agreement.pk:
        initial = [
            {
                "party": row.party,
                "funding_share": row.funding_share,
                "funding_note": row.funding_note,
            }
            for row in agreement.parties.select_related("party")
        ]
    extra = max(2, PARTY_ROWS - len(initial))
    formset_class = forms.formset_factory(PartyForm, formset=BasePartyFormSet, extra=extra)
    return formset_class(data, initial=initial, prefix="parties")


class RegulationForm(forms.ModelForm):
    url = forms.URLField(label=_("Link"), required=False, max_length=1000, assume_scheme="https")

    class Meta:
        model = Regulation
        fields = [
            "body",
            "title",
            "responsibilities",
            "adopted_by",
            "adopted_on",
            "decision_reference",
            "valid_from",
            "url",
        ]
        widgets = {
            "responsibilities": forms.Textarea(attrs={"rows": 5}),
            "adopted_on": DateInput(),
            "valid_from": DateInput(),
        }

    def __init__(self, *args, organisation, bodies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.filter(organisation=organisation).order_by(
            "name"
        )
        _limit_to(self.fields["body"], bodies)
        self.fields["adopted_by"].queryset = bodies_for(organisation)
