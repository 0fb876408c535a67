"""What the bench modules share: paths, the one host the bench contacts, the CPU target, the
error that aborts a run, the run's deadline, terminal output and Django setup."""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
PYTHON = sys.executable
HOST = "127.0.0.1"  # the only host the bench ever contacts
CPU_TARGET = 20.0  # every staff page: CPU per request at most this many times the bare view's
CHILDREN_CPU_TARGET = 3.0  # the children's page (issue 26)


class BenchError(Exception):
    """Something went wrong that makes the figures meaningless: abort the run."""


class Deadline:
    def __init__(self, seconds: float):
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise BenchError(
                f"aborted: the bench took longer than {self.seconds:.0f} s (--timeout)"
            )
        return left


def say(message: str = "") -> None:
    print(message, flush=True)


def setup_django() -> None:
    """For the subprocesses that work on the bench database (bench.dataset, bench.session)."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "barnratt.settings")
    django.setup()
