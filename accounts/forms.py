from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .models import Notify


class LoginForm(AuthenticationForm):
    """Django's login form with autocomplete hints for password managers (WCAG 1.3.5)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("User name")
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"


class CodeForm(forms.Form):
    """A six-digit code from the authenticator app, or a recovery code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The six digits your authenticator app shows, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "off",
                "spellcheck": "false",
            }
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


class NotificationForm(forms.Form):
    """How the person hears what waits for them (core/notify.py). A plain form: a model form
    would change the signed-in user in place before the service compares old and new."""

    notify_by_email = forms.ChoiceField(
        label=_("tell me by e-mail"), choices=Notify.choices, widget=forms.RadioSelect
    )
