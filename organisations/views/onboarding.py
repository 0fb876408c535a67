"""Onboarding: a platform administrator adds a municipality or region and its first admin."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.transitions import run_transition
from core.views.forms import render_form

from .. import services
from ..forms import OnboardForm
from .people import report_invitation


@login_required
@require_http_methods(["GET", "POST"])
def onboard(request):
    # Platform administrators only: organisation admins run their own organisation, not others'.
    if not request.user.is_superuser:
        raise PermissionDenied
    form = OnboardForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = {}

        def add():
            organisation, user, created = services.onboard_organisation(
                form.cleaned_data["area"],
                by=request.user,
                name=form.cleaned_data["name"],
                admin=form.admin(),
            )
            result.update(organisation=organisation, user=user, created=created)

        if run_transition(request, form=form, change=add):
            messages.success(
                request, _("%(organisation)s was added.") % {"organisation": result["organisation"]}
            )
            report_invitation(request, result["user"], result["created"])
            return redirect(result["organisation"])
    return render_form(request, form, _("Add a municipality or region"))
