"""A signed-in session for a bench user, made directly in the session store (no login form,
so no password hashing and no login throttling in the measurements).

    python -m bench.session [USERNAME]   # prints {"cookie": "sessionid", "key": "..."}
"""

import argparse
import json
import sys
import time
from importlib import import_module

from bench.common import setup_django
from bench.plan import BENCH_USERNAME


def create_session(username: str) -> tuple[str, str]:
    """(cookie name, session key) of a new session logged in as `username`."""
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )

    from core.middleware import LAST_SEEN_KEY

    user = get_user_model().objects.get(username=username)
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = user._meta.pk.value_to_string(user)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store[LAST_SEEN_KEY] = int(time.time())
    store.save(must_create=True)
    return settings.SESSION_COOKIE_NAME, store.session_key


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Create a logged-in session for a bench user.")
    parser.add_argument("username", nargs="?", default=BENCH_USERNAME)
    args = parser.parse_args(argv)
    setup_django()
    cookie, key = create_session(args.username)
    print(json.dumps({"cookie": cookie, "key": key}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
