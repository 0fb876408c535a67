from django.contrib import messages
from django.core.exceptions import ValidationError


def run_transition(request, transition) -> bool:
    """Run a service call; an impossible transition becomes a message, never a 500."""
    try:
        transition()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return False
    return True
