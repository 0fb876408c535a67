import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from operations.security import record

from . import services
from .forms import NotificationForm
from .register import register_extract
from .twofactor import has_second_factor


@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    form = NotificationForm(
        request.POST or None, initial={"notify_by_email": request.user.notify_by_email}
    )
    if request.method == "POST" and form.is_valid():
        services.set_notifications(request.user, form.cleaned_data["notify_by_email"])
        messages.success(request, _("Your choice was saved."))
        return redirect("accounts:account")
    context = {
        "two_factor_enrolled": has_second_factor(request.user),
        "form": form,
        "email_configured": settings.EMAIL_CONFIGURED,
        "calendar_url": request.user.calendar_token
        and request.build_absolute_uri(
            reverse("home:calendar_feed", args=[request.user.calendar_token])
        ),
    }
    return render(request, "accounts/account.html", context)


@login_required
@require_POST
def calendar_address(request):
    """Make the private calendar address, or a new one that ends the old (it was shared)."""
    services.renew_calendar_token(request.user)
    messages.success(request, _("Your calendar has a new address. The old one no longer works."))
    return redirect(reverse("accounts:account") + "#calendar")


@login_required
@require_POST
def my_data(request):
    """The signed-in person's register extract as a JSON file (GDPR article 15)."""
    record("register_extract", request=request)
    body = json.dumps(register_extract(request.user), ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="registerutdrag-barnratt.json"'
    return response
