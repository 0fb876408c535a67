"""Disabling a person's account from an organisation's people page."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from organisations.access import can, get_for_user, require
from organisations.models import Organisation

from . import services


@login_required
@require_http_methods(["GET", "POST"])
def disable_account(request, organisation_pk, user_pk):
    """Whoever manages the people of every organisation the person works in may disable them."""
    organisation = get_for_user(Organisation.objects, request.user, pk=organisation_pk)
    require(request.user, "delete", "membership", organisation.pk)
    person = get_object_or_404(
        get_user_model().objects.filter(memberships__organisation=organisation).distinct(),
        pk=user_pk,
    )
    if person == request.user or person.is_staff or person.is_superuser:
        raise PermissionDenied
    elsewhere = set(
        person.memberships.exclude(organisation=organisation).values_list(
            "organisation_id", flat=True
        )
    )
    if not all(can(request.user, "delete", "membership", other) for other in elsewhere):
        raise PermissionDenied
    back = redirect("organisations:people", organisation_pk=organisation.pk)
    if not person.is_active:
        return back
    if request.method == "POST":
        services.disable_account(person, by=request.user)
        messages.success(request, _("The account of %(person)s is disabled.") % {"person": person})
        return back
    return render(
        request,
        "accounts/disable_account.html",
        {"organisation": organisation, "person": person},
    )
