"""Small pieces the organisation views share."""

from django.core.exceptions import ValidationError


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
