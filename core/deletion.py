"""The shared shape of a delete view: GET asks for confirmation (and says what goes with the
record), POST deletes through the app's service function, which writes the audit log."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _


def confirm_delete(request, obj, *, service, success_url, cancel_url=None, consequences=()):
    """GET shows the confirmation page, listing `consequences` (what is deleted with it); POST
    calls `service(obj, by=user)`. A refusal (ValidationError, or rows that depend on it) is
    told as a message and leads back to `cancel_url`, by default the record's own page."""
    if cancel_url is None:
        cancel_url = obj.get_absolute_url()
    if request.method == "POST":
        try:
            service(obj, by=request.user)
        except (ValidationError, ProtectedError) as error:
            message = (
                error.messages[0]
                if isinstance(error, ValidationError)
                else _("It cannot be deleted because other records depend on it.")
            )
            messages.error(request, message)
            return redirect(cancel_url)
        messages.success(request, _("“%(name)s” was deleted.") % {"name": obj})
        return redirect(success_url)
    context = {"object": obj, "cancel_url": cancel_url, "consequences": list(consequences)}
    return render(request, "core/confirm_delete.html", context)


def delete_now(request, obj, service, deleted, success_url):
    """A delete button without a confirmation page (the page it sits on asks first): POST
    calls `service(obj, by=user)`, which writes the audit log, says `deleted` and goes to
    `success_url` (a URL, URL name or object, as `redirect` takes it)."""
    service(obj, by=request.user)
    messages.success(request, deleted)
    return redirect(success_url)
