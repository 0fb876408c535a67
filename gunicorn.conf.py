"""gunicorn's settings for Barnrätt: its own log lines (start, workers, errors, access) go through
the same logging configuration as Django's, one JSON object per line on standard error with the
request id (docs/operations.md). The systemd unit and `make serve` pass `--config` with this file.

No `reuse_port`: with SO_REUSEPORT a second gunicorn (another DATABASE_URL, a forgotten test)
binds the same port without an error and silently takes part of the traffic.
"""

import copy
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "barnratt.settings")

from barnratt import settings as barnratt_settings  # noqa: E402  (after the settings module)

reuse_port = False
accesslog = "-"  # through the logging configuration below, not a file of its own
# The request id from the response header: the same id as Django's lines of that request.
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s" request_id=%({x-request-id}o)s'

logconfig_dict = copy.deepcopy(barnratt_settings.LOGGING)
logconfig_dict["loggers"] |= {
    "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
    "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
}
