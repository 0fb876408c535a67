"""gunicorn's settings for Barnrätt: its own log lines (start, workers, errors, access) go through
the same logging configuration as Django's, one JSON object per line on standard error with the
request id (docs/operations.md). The systemd unit and `make serve` pass `--config` with this file.

`reuse_port` gives each worker its own listening socket, so the kernel spreads connections
evenly (decision 0025). It would also let a second gunicorn (another DATABASE_URL, a forgotten
test) bind the same port without an error and silently take part of the traffic: `on_starting`
refuses to start while anything listens on the address (decision 0030).
"""

import copy
import os
import socket

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "barnratt.settings")

from barnratt import settings as barnratt_settings

reuse_port = True
accesslog = "-"  # through the logging configuration below, not a file of its own
# The request id from the response header: the same id as Django's lines of that request.
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s" request_id=%({x-request-id}o)s'

logconfig_dict = copy.deepcopy(barnratt_settings.LOGGING)
logconfig_dict["loggers"] |= {
    "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
    "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
}


def on_starting(server):
    """Refuse to start when the address is taken: SO_REUSEPORT would share it silently."""
    if os.environ.get("GUNICORN_FD") or os.environ.get("LISTEN_FDS"):
        return  # sockets handed over by a re-executing master or systemd: ours already
    for address in server.cfg.address:
        if not isinstance(address, tuple):
            continue  # a Unix socket: gunicorn itself refuses one that is in use
        if port_in_use(address):
            raise SystemExit(
                f"{address[0]}:{address[1]} is already in use: is another Barnrätt gunicorn "
                "running? Stop it first (or choose another port)."
            )


def port_in_use(address) -> bool:
    family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # SO_REUSEADDR: connections left in TIME_WAIT by a restart do not count, a listener does.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError:
            return True
    return False
