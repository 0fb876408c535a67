"""Slowing, never locking, the sign-in attempts for one user name (decision 0032).

django-axes locks an address that keeps failing, whatever names it tries. A name is not locked:
anyone can type anyone's name, so a lock on it would be a lock an attacker hands out. After
LOGIN_NAME_FREE_FAILURES failures in a row, each further attempt for the name waits a little
longer after the last failure (2, 4, 8 … seconds, at most LOGIN_NAME_MAX_DELAY_SECONDS): guessing
one person's password from many addresses becomes slow, and its owner waits half a minute at
worst. The counts live in Django's cache (shared between workers when a shared cache is set).
"""

import hashlib
import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver

# Failures older than this are forgotten.
WINDOW_SECONDS = 15 * 60


def _key(username: str) -> str:
    # Hashed: the cache is no place for a list of names people typed (often a password).
    digest = hashlib.sha256(username.strip().casefold().encode()).hexdigest()
    return f"login-name:{digest}"


def wait_seconds(username: str) -> int:
    """How long an attempt for `username` must still wait; 0 when it may be tried now."""
    failures, last = cache.get(_key(username), (0, 0.0))
    extra = failures - settings.LOGIN_NAME_FREE_FAILURES
    if extra <= 0:
        return 0
    delay = min(2**extra, settings.LOGIN_NAME_MAX_DELAY_SECONDS)
    return max(0, int(last + delay - time.time() + 0.999))


def record_failure(username: str) -> None:
    key = _key(username)
    failures, _last = cache.get(key, (0, 0.0))
    cache.set(key, (failures + 1, time.time()), WINDOW_SECONDS)


@receiver(user_login_failed)
def _failed(sender, credentials, request=None, **kwargs):
    record_failure(str(credentials.get("username", "")))


@receiver(user_logged_in)
def _succeeded(sender, request, user, **kwargs):
    cache.delete(_key(user.get_username()))
