"""Two-factor authentication (TOTP, RFC 6238) for local accounts, with django-otp.

A person enrols from "My account": an authenticator app scans a QR code, a first code confirms
it, and ten one-time recovery codes are shown once. From then on the password alone signs in no
one: the sign-in asks for a code before the session is made (accounts/login.py). People who sign
in through the municipality's identity provider get their second factor there.
"""

from urllib.parse import urlencode

import django_otp
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from operations.security import record
from organisations.access import user_access
from organisations.roles import Role

RECOVERY_CODE_COUNT = 10
TOTP_NAME = "authenticator"
RECOVERY_NAME = "recovery"


def has_second_factor(user) -> bool:
    return user.is_authenticated and user_has_device(user, confirmed=True)


def pending_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).first()


def start_enrolment(user) -> TOTPDevice:
    """A new, unconfirmed authenticator; any earlier unconfirmed one is dropped."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        return TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)


def confirm_enrolment(request, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the authenticator with its first code; return the new recovery codes."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        if not device.verify_token(token):
            record("2fa_failed", request=request, stage="enrolment")
            return None
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = new_recovery_codes(request.user)
    django_otp.login(request, device)
    record("2fa_enabled", request=request)
    return codes


def new_recovery_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def verify_code(user, token: str):
    """The device (authenticator or recovery code) that accepts the code, or None."""
    token = "".join(str(token).split())
    if not token or len(token) > 16:
        return None
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if device.verify_token(token):
                return device
    return None


def disable(user) -> None:
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()


def signed_in_with_sso(request) -> bool:
    return request.session.get(BACKEND_SESSION_KEY) == "accounts.sso.SsoBackend"


def must_enrol(request) -> bool:
    """Whether the setting stops this signed-in superuser or organisation admin until a code is
    verified."""
    user = request.user
    if not settings.REQUIRE_2FA_FOR_ADMINS or not user.is_authenticated:
        return False
    if signed_in_with_sso(request) or user.is_verified():
        return False

    if user.is_superuser:
        return True
    # The memberships are read once per request anyway (and cached on the user).
    return Role.ORG_ADMIN in user_access(user).all_roles


# Pages an organisation admin who must enrol can still reach.
ALLOWED_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/healthz", "/readyz")


class RequireTwoFactorMiddleware:
    """With REQUIRE_2FA_FOR_ADMINS, a superuser or organisation admin enrols before anything
    else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.REQUIRE_2FA_FOR_ADMINS
            and not request.path.startswith(ALLOWED_PREFIXES)
            and must_enrol(request)
        ):
            if has_second_factor(request.user):
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse('accounts:two_factor_verify')}?{query}")
            return redirect("accounts:two_factor")
        return self.get_response(request)
