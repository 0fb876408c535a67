"""State changes the rules refuse, and how a view shows the refusal.

Service functions raise `TransitionError` (or Django's `ValidationError` for invalid values);
views run them through `run_transition`, the API answers 409."""

from django.contrib import messages
from django.core.exceptions import ValidationError


class TransitionError(ValidationError):
    """A change the record's current state does not allow (an approved assessment edited, a
    closed consultation opened twice)."""


def run_transition(request, change, *, form=None) -> bool:
    """Run a service call and say whether it went through. A refusal becomes part of the page,
    never a 500: errors on `form` when one is given (a field's on that field), else messages."""
    try:
        change()
    except ValidationError as error:
        show_refusal(request, error, form=form)
        return False
    return True


def show_refusal(request, error: ValidationError, *, form=None) -> None:
    """Put a refused change on the page: on `form` (a field's error on that field) or, without
    a form, as messages."""
    if form is None:
        for message in error.messages:
            messages.error(request, message)
    elif hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
