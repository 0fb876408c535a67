"""Organisation admins create and revoke API tokens."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from organisations.access import get_for_user, require
from organisations.models import Organisation

from . import services
from .models import ApiToken


class TokenForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Which system will use the token?"), max_length=200)


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request, organisation_pk):
    organisation = get_for_user(Organisation.objects, request.user, pk=organisation_pk)
    require(request.user, "view", "apitoken", organisation.pk)
    form, new_key = TokenForm(request.POST or None), None
    if request.method == "POST" and form.is_valid():
        require(request.user, "add", "apitoken", organisation.pk)
        _token, new_key = services.create_token(
            organisation, by=request.user, name=form.cleaned_data["name"]
        )
        form = TokenForm()
    return render(
        request,
        "api/tokens.html",
        {
            "organisation": organisation,
            "tokens": ApiToken.objects.filter(organisation=organisation),
            "form": form,
            "new_key": new_key,
        },
    )


@login_required
@require_POST
def revoke(request, pk):
    token = get_for_user(ApiToken.objects, request.user, "delete", pk=pk)
    services.revoke_token(token, by=request.user)
    messages.success(request, _("The token was revoked. Calls with it are refused from now on."))
    return redirect("api_pages:tokens", organisation_pk=token.organisation_id)
