"""Flood control for the children's pages, without storing who anyone is (decision 0035).

Answers are counted per client address (core.clients: through the trusted proxy, the same
address django-axes sees) in Django's cache, which all workers and nodes share once REDIS_URL
is set. Nothing a client can change for free, such as the User-Agent, is part of the key.

A whole class, often a whole school, answers from one address, so the limit is generous
(settings.PARTICIPATION_RATE_LIMIT: answers per window in seconds) and going past it refuses
nothing: the answer is stored, held as a suspected flood, and waits for a person in moderation
(services.submit_response). A child's answer is never lost, and a script cannot make another
child's answer be refused.

The address itself is never stored, not even in the cache: the counter's key is an HMAC of it
with a random salt that lives only in the cache and expires after a day, so neither the
database nor a backup holds anything that links an answer to a device.
"""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from core.clients import client_address

# A day and a little: the salt outlives the last window of its day, then is gone for good.
SALT_SECONDS = 25 * 60 * 60


def todays_salt(today=None) -> str:
    """Today's random salt, made by whichever worker asks first; only ever in the cache."""
    key = f"participation:salt:{(today or timezone.localdate()).isoformat()}"
    cache.add(key, secrets.token_hex(32), SALT_SECONDS)  # another worker's salt stands
    salt = cache.get(key)
    if salt is None:  # evicted between add and get: a new salt only restarts the counts
        salt = secrets.token_hex(32)
        cache.set(key, salt, SALT_SECONDS)
    return salt


def address_key(request, today=None) -> str:
    """The client's address as a counter key: the same all day, unrelated tomorrow."""
    message = client_address(request).encode()
    return hmac.new(todays_salt(today).encode(), message, hashlib.sha256).hexdigest()[:32]


def over_limit(key: str) -> bool:
    """Count one answer from `key`; whether it is past the limit for the current window."""
    limit, window = settings.PARTICIPATION_RATE_LIMIT
    counter = f"participation:rate:{key}:{int(timezone.now().timestamp()) // window}"
    if cache.add(counter, 1, timeout=window):
        return limit < 1
    try:
        count = cache.incr(counter)
    except ValueError:  # expired between add and incr
        cache.add(counter, 1, timeout=window)
        return limit < 1
    return count > limit


def suspected_flood(request) -> bool:
    """Count this answer against its address; True when it should wait in moderation."""
    return over_limit(address_key(request))
