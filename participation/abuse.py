"""Duplicate and abuse control for the children's pages, without storing who anyone is.

A client hash is made from the IP address and the browser's user agent with a random salt that
is replaced every day; the address and the agent themselves are never stored. The hash counts
submissions per device in the cache (a rate limit), and a form field that people cannot see
catches simple robots (the honeypot).
"""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError
from django.utils import timezone

from .models import DailySalt

_salts: dict = {}


def todays_salt(today=None) -> str:
    today = today or timezone.localdate()
    if today not in _salts:
        _salts.clear()
        salt = DailySalt.objects.filter(day=today).values_list("salt", flat=True).first()
        if salt is None:
            salt = _create_salt(today)
        _salts[today] = salt
    return _salts[today]


def _create_salt(today) -> str:
    DailySalt.objects.exclude(day=today).delete()
    try:
        return DailySalt.objects.create(day=today, salt=secrets.token_hex(32)).salt
    except IntegrityError:  # another worker made today's salt first
        return DailySalt.objects.get(day=today).salt


def client_hash(request, today=None) -> str:
    """A daily hash of the device: the same today, unrelated tomorrow, never reversible."""
    address = request.META.get("REMOTE_ADDR", "")
    agent = request.META.get("HTTP_USER_AGENT", "")[:300]
    message = f"{address}\n{agent}".encode()
    return hmac.new(todays_salt(today).encode(), message, hashlib.sha256).hexdigest()[:32]


def rate_limited(hash_value: str) -> bool:
    """Whether this device has sent more answers than a person could in the last window.

    A whole class behind one school network can share an address and a browser version, so
    the limit is generous (settings.PARTICIPATION_RATE_LIMIT: answers per window in seconds);
    class codes are the firm control where one is needed.
    """
    limit, window = settings.PARTICIPATION_RATE_LIMIT
    key = f"participation:rate:{hash_value}:{int(timezone.now().timestamp()) // window}"
    if cache.add(key, 1, timeout=window):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return False
    return count > limit
