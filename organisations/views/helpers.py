"""Small pieces the organisation views share."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _


def apply_service(request, form, service) -> bool:
    """Run a service function; put its validation errors on the form instead of a 500."""
    try:
        service()
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)
        return False
    return True


def confirm_delete(request, obj, *, service, success_url, cancel_url):
    """GET shows a confirmation page; POST deletes through the service function."""
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
    return render(
        request, "organisations/confirm_delete.html", {"object": obj, "cancel_url": cancel_url}
    )
