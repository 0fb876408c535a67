"""A request id for every request: taken from the proxy's X-Request-ID when it is a plain
token, otherwise made here; returned in the response and written with every log record, so
that an IT department can follow one request through nginx, gunicorn and Django."""

import contextvars
import logging
import re
import uuid

_current = contextvars.ContextVar("request_id", default="-")
_ACCEPTED = re.compile(r"[A-Za-z0-9._:-]{1,64}")


def current() -> str:
    return _current.get()


def from_header(value: str | None) -> str:
    if value and _ACCEPTED.fullmatch(value):
        return value
    return uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = from_header(request.META.get("HTTP_X_REQUEST_ID"))
        token = _current.set(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response["X-Request-ID"] = request.request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (a dash outside a request).

    Django logs a response of 400 or more ("Not Found: /x", "Internal Server Error: /y") on
    `django.request` after the middleware has returned, so the context no longer holds the id;
    such a record carries the request itself, and the id is read from it. gunicorn's access
    lines carry the response's X-Request-ID header among their arguments.
    """

    def filter(self, record):
        request_id = current()
        if request_id == "-":
            request_id = getattr(getattr(record, "request", None), "request_id", None) or (
                _from_access_line(record)
            )
        record.request_id = request_id
        return True


def _from_access_line(record) -> str:
    # gunicorn.glogging logs each access line with a dict of atoms as its arguments; a
    # response header is the atom "{name}o".
    atoms = record.args if isinstance(record.args, dict) else {}
    value = atoms.get("{x-request-id}o")
    return value if value and value != "-" else "-"
