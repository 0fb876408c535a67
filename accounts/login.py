"""Sign-in: the password first, then, for those who enrolled one, the second factor.

No session is signed in until both are given: after the password, the session only holds whose
code is awaited (and for how long); the code page then signs in.
"""

import time

import django_otp
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from operations.security import record

from . import throttle
from .forms import CodeForm, LoginForm
from .sso import active_providers
from .twofactor import has_second_factor, verify_code

PENDING_KEY = "barnratt_2fa_pending"
MAX_CODE_FAILURES = 5


class LoginView(auth_views.LoginView):
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"sso_providers": list(active_providers())}

    def post(self, request, *args, **kwargs):
        # A name with many recent failures waits before its password is even checked.
        username = request.POST.get("username", "")
        if wait := throttle.wait_seconds(username):
            record("login_slowed", request=request, attempted_username=username[:150])
            form = self.form_class(request, initial={"username": username[:150]})
            response = self.render_to_response(
                self.get_context_data(form=form, wait_seconds=wait), status=429
            )
            response["Retry-After"] = str(wait)
            return response
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        user = form.get_user()
        if not has_second_factor(user):
            return super().form_valid(form)
        self.request.session.cycle_key()
        self.request.session[PENDING_KEY] = {
            "user": user.pk,
            "backend": user.backend,
            "next": self.get_success_url(),
            "since": int(time.time()),
            "failures": 0,
        }
        return redirect("accounts:login_code")


def _pending(request):
    pending = request.session.get(PENDING_KEY)
    if not pending or time.time() - pending["since"] > settings.TWO_FACTOR_PENDING_SECONDS:
        request.session.pop(PENDING_KEY, None)
        return None, None
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    return pending, user


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def login_code(request):
    """The second step of signing in: the code from the authenticator app."""
    pending, user = _pending(request)
    if user is None:
        return redirect("accounts:login")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = verify_code(user, form.cleaned_data["code"])
        if device is not None:
            del request.session[PENDING_KEY]
            auth_login(request, user, backend=pending["backend"])
            django_otp.login(request, device)
            return redirect(pending["next"])
        pending["failures"] += 1
        record("2fa_failed", user=user, request=request, stage="sign_in")
        if pending["failures"] >= MAX_CODE_FAILURES:
            del request.session[PENDING_KEY]
            return redirect("accounts:login")
        request.session[PENDING_KEY] = pending
        form.add_error("code", _("The code is not right. Try the newest code in the app."))
    return render(request, "accounts/login_code.html", {"form": form})
