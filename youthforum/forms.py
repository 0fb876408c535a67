"""Forms for the youth forum. They validate input; the services write it."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import limit_to_bodies
from organisations.models import Body

from .models import Forum, ForumMatter, ForumMeeting, ForumMember, ForumProposal


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ForumForm(forms.ModelForm):
    class Meta:
        model = Forum
        fields = ["name", "body", "description", "active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, organisation=None, bodies=None, **kwargs):
        super().__init__(*args, **kwargs)
        # An edit form works in the organisation of the record it edits.
        organisation = organisation or self.instance.organisation
        self.organisation = organisation
        self.fields["body"].queryset = Body.objects.filter(organisation=organisation)
        limit_to_bodies(self, "body", bodies)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = Forum.objects.filter(organisation=self.organisation, name__iexact=name)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("The organisation already has a forum with that name."))
        return name


class MemberForm(forms.ModelForm):
    class Meta:
        model = ForumMember
        fields = ["pseudonym", "age_band", "joined_on", "contact_consent", "email", "phone"]
        widgets = {"joined_on": DateInput()}

    def __init__(self, *args, forum, **kwargs):
        super().__init__(*args, **kwargs)
        self.forum = forum
        # A new member's instance holds no date, and the instance wins over a field's initial.
        self.initial["joined_on"] = self.initial.get("joined_on") or timezone.localdate()
        self.fields["email"].help_text = _("Only with consent. Erased when the membership ends.")
        self.fields["phone"].help_text = _("Only with consent. Erased when the membership ends.")

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and not cleaned.get("contact_consent"):
            # Consent withdrawn: the details go, rather than the form refusing to save.
            cleaned["email"], cleaned["phone"] = "", ""
        return cleaned

    def clean_pseudonym(self):
        pseudonym = self.cleaned_data["pseudonym"].strip()
        others = ForumMember.objects.filter(
            forum=self.forum, pseudonym__iexact=pseudonym, left_on__isnull=True
        )
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("A current member already uses that pseudonym."))
        return pseudonym


class EndMembershipForm(forms.Form):
    left_on = forms.DateField(label=_("Left on"), widget=DateInput())

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.member = member
        self.fields["left_on"].initial = timezone.localdate()

    def clean_left_on(self):
        left_on = self.cleaned_data["left_on"]
        if left_on < self.member.joined_on:
            raise forms.ValidationError(_("A member cannot leave before joining."))
        return left_on


class MeetingForm(forms.ModelForm):
    class Meta:
        model = ForumMeeting
        fields = ["held_on", "place", "agenda", "minutes", "attendance"]
        widgets = {
            "held_on": DateInput(),
            "agenda": forms.Textarea(attrs={"rows": 5}),
            "minutes": forms.Textarea(attrs={"rows": 8}),
        }


class MatterForm(forms.ModelForm):
    class Meta:
        model = ForumMatter
        fields = ["title", "description", "raised_at"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, forum, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["raised_at"].queryset = ForumMeeting.objects.filter(forum=forum)
        self.fields["raised_at"].label_from_instance = lambda m: f"{m.held_on:%Y-%m-%d} {m.place}"


class ProposalForm(forms.ModelForm):
    class Meta:
        model = ForumProposal
        fields = ["committee", "matter", "title", "text", "sent_on"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6}), "sent_on": DateInput()}

    def __init__(self, *args, forum, committees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = committees
        self.fields["matter"].queryset = ForumMatter.objects.filter(forum=forum)
        self.initial["sent_on"] = self.initial.get("sent_on") or timezone.localdate()


class AnswerForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("The committee's answer"),
        choices=[(s.value, s.label) for s in ForumProposal.ANSWERS],
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(
        label=_("What the committee answered"), widget=forms.Textarea(attrs={"rows": 6})
    )
    answered_on = forms.DateField(label=_("Answered on"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answered_on"].initial = timezone.localdate()
