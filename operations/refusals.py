"""A refusal (403) is logged once, as one line.

Django's django.request logger records a PermissionDenied with the whole traceback (25 lines at
WARNING; a thousand of them from one scan), while operations.security's middleware has already
written the refusal to the security log as one line with who and where. This filter, named in
settings.LOGGING, drops the first. Kept free of models: logging is configured before apps load.
"""

import logging

from django.core.exceptions import PermissionDenied


class RefusalLoggedOnce(logging.Filter):
    def filter(self, record):
        exc_type = record.exc_info[0] if record.exc_info else None
        return not (exc_type and issubclass(exc_type, PermissionDenied))
