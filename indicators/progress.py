"""How far a running import has come, for the progress bar on the import page.

The import runs as a job on a worker (indicators/jobs.py); the page's script polls `read`
while it waits. The progress lives in Django's cache under a random token the page made, so
every node must share the cache (REDIS_URL, docs/operations.md): with the default per-process
cache a poll that reaches another process finds nothing and the bar stays indeterminate. Only
the user who started the import can read it.
"""

import re
import secrets

from django.core.cache import cache

TOKEN = re.compile(r"^[0-9a-f]{32}$")
TIMEOUT = 60 * 30
# Report every this many rows: often enough for a bar, rarely enough to cost nothing.
EVERY = 20_000


def new_token() -> str:
    return secrets.token_hex(16)


def _key(token: str) -> str:
    return f"indicator-import-progress:{token}"


class Progress:
    """Writes the phase ("checking", "saving", "done", "failed") and the rows done so far."""

    def __init__(self, token: str, user_id: int, total: int = 0, job_id: int | None = None):
        self.token, self.user_id, self.total, self.job_id = token, user_id, total, job_id

    def __call__(self, phase: str, done: int = 0) -> None:
        value = {"user": self.user_id, "phase": phase, "done": done, "total": self.total}
        if self.job_id:
            value["job"] = self.job_id
        cache.set(_key(self.token), value, TIMEOUT)


def counting(rows, progress):
    """Pass the rows through, reporting every EVERY rows checked."""
    for number, row in enumerate(rows, 1):
        if number % EVERY == 0:
            progress("checking", number)
        yield row


def estimated_rows(data: bytes, fmt: str) -> int:
    """The rows a file holds, for a determinate bar: the lines of a CSV file (less its
    header); 0 (unknown) for JSON."""
    if fmt.endswith("json"):
        return 0
    return max(0, data.count(b"\n") - 1)


def read(token: str, user_id: int) -> dict | None:
    if not TOKEN.match(token or ""):
        return None
    value = cache.get(_key(token))
    if not value or value.get("user") != user_id:
        return None
    state = {key: value[key] for key in ("phase", "done", "total")}
    if value.get("job"):
        state["job"] = value["job"]
    return state
