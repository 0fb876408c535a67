from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .models import Body, Membership, Organisation, PopulationByAge, PopulationFact, ScbArea
from .roles import Role
from .validators import normalise_organisation_number


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "organisation_number", "description"]

    def clean_organisation_number(self):
        number = normalise_organisation_number(self.cleaned_data["organisation_number"])
        others = Organisation.objects.filter(organisation_number=number).exclude(
            pk=self.instance.pk
        )
        if number and others.exists():
            raise forms.ValidationError(_("Another organisation has this organisation number."))
        return number


class PopulationFactForm(forms.ModelForm):
    class Meta:
        model = PopulationFact
        fields = ["year", "inhabitants", "children", "households_with_children_share", "source"]

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_year(self):
        year = self.cleaned_data["year"]
        if PopulationFact.objects.filter(organisation=self.organisation, year=year).exists():
            raise forms.ValidationError(_("There is already a figure for that year."))
        return year


class PopulationByAgeForm(forms.ModelForm):
    """One age band's population in a year: in all, and girls and boys where the source has
    them (SCB: folkmängd efter ålder och kön)."""

    class Meta:
        model = PopulationByAge
        fields = ["year", "age_band", "total", "girls", "boys", "source"]

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean(self):
        data = super().clean()
        year, band = data.get("year"), data.get("age_band")
        others = PopulationByAge.objects.filter(organisation=self.organisation, year=year)
        if year and band and others.filter(age_band=band).exists():
            self.add_error("age_band", _("There is already a figure for that age band and year."))
        return data


class BodyForm(forms.ModelForm):
    class Meta:
        model = Body
        fields = ["name", "kind", "description", "served_organisations"]
        widgets = {"served_organisations": forms.CheckboxSelectMultiple}

    def __init__(self, *args, organisation=None, user, **kwargs):
        super().__init__(*args, **kwargs)
        # An edit form works in the organisation of the record it edits.
        organisation = organisation or self.instance.organisation
        self.organisation = organisation
        self.fields["served_organisations"].queryset = Organisation.objects.exclude(
            pk=organisation.pk
        )

    def clean_name(self):
        name = self.cleaned_data["name"]
        others = Body.objects.filter(organisation=self.organisation, name__iexact=name)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("The organisation already has a body with that name."))
        return name


def username_field():
    return forms.RegexField(
        label=_("user name"),
        max_length=150,
        regex=r"^[\w.@+-]+$",
        error_messages={"invalid": _("Use only letters, digits and @ . + - _")},
    )


class AddMemberForm(forms.Form):
    """Add a person by user name; a new user name creates an account without a password."""

    username = username_field()
    first_name = forms.CharField(label=_("first name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("e-mail"), required=False)
    role = forms.ChoiceField(label=_("role"), choices=Role.choices)
    body = forms.ModelChoiceField(
        label=_("body"),
        queryset=Body.objects.none(),
        required=False,
        help_text=_("Leave empty for a role in the whole organisation."),
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["body"].queryset = Body.objects.filter(organisation=organisation)

    def clean(self):
        cleaned = super().clean()
        username = cleaned.get("username")
        known = get_user_model().objects.filter(username__iexact=username).exists()
        is_new = username and not known
        if is_new and not (cleaned.get("first_name") and cleaned.get("last_name")):
            raise forms.ValidationError(
                _("This is a new person: give a first and last name as well.")
            )
        return cleaned


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "body"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.filter(
            organisation_id=self.instance.organisation_id
        )


class OnboardForm(forms.Form):
    """A municipality or region from SCB's register and its first organisation admin."""

    area = forms.ModelChoiceField(
        label=_("municipality or region"),
        queryset=ScbArea.objects.none(),
        help_text=_("From Statistics Sweden's register; those already in Barnrätt are not listed."),
    )
    name = forms.CharField(
        label=_("organisation name"),
        max_length=200,
        required=False,
        help_text=_("Leave empty for the register's name, e.g. Karlskoga or Region Örebro län."),
    )
    username = username_field()
    first_name = forms.CharField(label=_("first name"), max_length=150)
    last_name = forms.CharField(label=_("last name"), max_length=150)
    email = forms.EmailField(
        label=_("e-mail"), help_text=_("The invitation to choose a password is sent here.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        taken = Organisation.objects.exclude(scb_code="").values("scb_code")
        self.fields["area"].queryset = ScbArea.objects.exclude(code__in=taken)

    def admin(self) -> dict:
        data = self.cleaned_data
        return {key: data[key] for key in ("username", "first_name", "last_name", "email")}
