"""Enrolling, using and removing the second factor, from "My account"."""

import django_otp
import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from operations.security import record

from . import twofactor
from .forms import CodeForm


@login_required
@never_cache
def two_factor(request):
    """What the person has: the status, and the way to start or to remove."""
    return render(
        request,
        "accounts/two_factor.html",
        {
            "enrolled": twofactor.has_second_factor(request.user),
            "sso": twofactor.signed_in_with_sso(request),
            "disable_form": CodeForm(),
        },
    )


@login_required
@require_POST
def two_factor_start(request):
    if twofactor.has_second_factor(request.user):
        return redirect("accounts:two_factor")
    twofactor.start_enrolment(request.user)
    return redirect("accounts:two_factor_setup")


@sensitive_post_parameters("code")
@login_required
@never_cache
def two_factor_setup(request):
    """The QR code of the new authenticator, and the first code that confirms it."""
    device = twofactor.pending_device(request.user)
    if device is None or twofactor.has_second_factor(request.user):
        return redirect("accounts:two_factor")
    form = CodeForm(request.POST or None)
    form.fields["code"].help_text = _("The six digits your authenticator app shows.")
    if request.method == "POST" and form.is_valid():
        codes = twofactor.confirm_enrolment(request, device, form.cleaned_data["code"])
        if codes is not None:
            return render(request, "accounts/two_factor_codes.html", {"codes": codes})
        form.add_error("code", _("The code is not right. Try the newest code in the app."))
    qr = segno.make(device.config_url, error="m")
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": qr.svg_data_uri(scale=5, border=2),
            "secret": _grouped(_base32(device.bin_key)),
        },
    )


@sensitive_post_parameters("code")
@login_required
@require_POST
def two_factor_disable(request):
    """Removing the second factor takes a valid code: a borrowed session is not enough."""
    form = CodeForm(request.POST)
    if form.is_valid() and twofactor.verify_code(request.user, form.cleaned_data["code"]):
        twofactor.disable(request.user)
        record("2fa_disabled", request=request)
        messages.success(request, _("Two-factor authentication is off."))
        return redirect("accounts:two_factor")
    record("2fa_failed", request=request, stage="disable")
    return render(
        request,
        "accounts/two_factor.html",
        {"enrolled": True, "sso": False, "disable_form": _with_error(form)},
        status=400,
    )


@sensitive_post_parameters("code")
@login_required
@never_cache
def two_factor_verify(request):
    """A code for a session signed in without one (the admin site and admins who must use it)."""
    if not twofactor.has_second_factor(request.user):
        return redirect("accounts:two_factor")
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = twofactor.verify_code(request.user, form.cleaned_data["code"])
        if device is not None:
            request.session.cycle_key()
            django_otp.login(request, device)
            return redirect(next_url or "home:start")
        record("2fa_failed", request=request, stage="step_up")
        form.add_error("code", _("The code is not right. Try the newest code in the app."))
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": next_url})


def _with_error(form):
    if "code" not in form.errors:
        form.add_error("code", _("The code is not right. Try the newest code in the app."))
    return form


def _base32(key: bytes) -> str:
    import base64

    return base64.b32encode(key).decode().rstrip("=")


def _grouped(text: str) -> str:
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))
