"""The soak benchmark's bookkeeping: requests fall into their windows, memory is read from
/proc, and the run is bounded."""

import os

import pytest

from bench import soak


def test_requests_errors_and_memory_fall_into_their_windows():
    run = soak.Soak()
    run.staff = [(1.0, 10.0), (2.0, 30.0), (12.0, 50.0)]
    run.children.latencies = [5.0, 7.0]
    run.child_times = [3.0, 14.0]
    run.errors = [(15.0, "staff GET 500 /cases/")]
    run.memory = [(0.0, 100.0), (5.0, 120.0), (11.0, 130.0)]
    rows = soak.windows(run, seconds=20, width=10)
    assert [(r["staff_requests"], r["submissions"], r["errors"]) for r in rows] == [
        (2, 1, 0),
        (1, 1, 1),
    ]
    assert (rows[0]["rss_mb"], rows[1]["rss_mb"]) == (120.0, 130.0)
    assert rows[0]["staff_p95_ms"] > 10.0


def test_memory_of_a_process_tree_is_read_from_proc():
    assert soak.resident_mb(os.getpid()) > 1.0
    assert soak.resident_mb(2**22 + 17) == 0  # no such process


@pytest.mark.parametrize("seconds", ["5", "7200"])
def test_the_soak_is_bounded(seconds):
    with pytest.raises(SystemExit):
        soak.parse_args(["--seconds", seconds])
