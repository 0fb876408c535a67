"""The soak benchmark (issue 9): mixed staff and children's traffic for a bounded time against
gunicorn on 127.0.0.1, reporting the errors, p95 and the server's memory over time.

    python -m bench.soak                          # SQLite, 180 s
    DATABASE_URL=postgres://… python -m bench.soak --seconds 600
    make soak                                     # the same, with SOAK_ARGS

It builds the bench dataset at --scale into its own database (as bench.run does), starts
gunicorn as the load test does (its workers and threads, the children's rate limit raised), and
runs --staff clients, signed in as the bench coordinator and going round the staff pages of
`bench.pages`, beside --children clients answering the fixed consultation (the answering client
of `bench.load`), until --seconds have passed. Every --window seconds it notes the requests,
errors and p50/p95 of each kind and the resident memory (RSS) of gunicorn's processes. At the end
the stored responses are counted against the submissions sent: none lost, none duplicated.
It stops by itself; the results go to bench/soak-latest.json.
"""

import argparse
import asyncio
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from bench.common import BENCH_DIR, PYTHON, BenchError, Deadline, say
from bench.databases import database_for_environment
from bench.load import LOAD_RATE_LIMIT, LOAD_THREADS, LOAD_WORKERS, Connection, Tally
from bench.load import answering_client as children_client
from bench.measure import percentile
from bench.pages import PAGES
from bench.report import table
from bench.run import base_environment, last_json_line, run_step
from bench.server import Server
from bench.submissions import account

RESULTS = BENCH_DIR / "soak-latest.json"
PAGE_SIZE_KB = 4096  # /proc/<pid>/statm counts pages


class Soak:
    """What the clients saw, with the time of each request for the windows."""

    def __init__(self):
        self.staff = []  # (seconds since start, ms)
        self.children = Tally()  # bench.load's tally: posts, latencies, errors
        self.child_times = []  # seconds since start of each first POST, beside its latency
        self.errors = []  # (seconds since start, what)
        self.memory = []  # (seconds since start, MB of gunicorn's processes)
        self.started = time.monotonic()

    def now(self) -> float:
        return time.monotonic() - self.started


async def staff_client(connection: Connection, paths: list, end: float, soak: Soak) -> None:
    index = 0
    while time.monotonic() < end:
        path = paths[index % len(paths)]
        index += 1
        try:
            status, _headers, _body, ms = await connection.request("GET", path)
        except (OSError, TimeoutError, asyncio.IncompleteReadError) as error:
            soak.errors.append((soak.now(), f"staff {type(error).__name__}"))
            continue
        if status == 200:
            soak.staff.append((soak.now(), ms))
        else:
            soak.errors.append((soak.now(), f"staff GET {status} {path}"))


async def watch_children(soak: Soak, end: float) -> None:
    """Timestamp the children's latencies as bench.load's client appends them."""
    seen = 0
    while time.monotonic() < end + 1:
        latencies = soak.children.latencies
        now = soak.now()
        soak.child_times.extend([now] * (len(latencies) - seen))
        seen = len(latencies)
        await asyncio.sleep(0.05)


def resident_mb(root_pid: int) -> float:
    """RSS of a process and its children (gunicorn's master and workers), from /proc."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            pid, ppid = int(stat.parent.name), int(fields[1])
            if pid == root_pid or ppid == root_pid:
                total += int((stat.parent / "statm").read_text().split()[1])
        except (OSError, ValueError, IndexError):
            continue  # the process ended meanwhile
    return round(total * PAGE_SIZE_KB / 1e6, 1)


async def sample_memory(root_pid: int, soak: Soak, end: float, every: float) -> None:
    while time.monotonic() < end:
        soak.memory.append((round(soak.now(), 1), resident_mb(root_pid)))
        await asyncio.sleep(every)
    soak.memory.append((round(soak.now(), 1), resident_mb(root_pid)))


async def run_soak(server, cookie: dict, ids: dict, args) -> Soak:
    paths = [page.url(ids) for page in PAGES if not page.anonymous and not page.reference]
    soak = Soak()
    end = time.monotonic() + args.seconds
    staff = []
    for number in range(args.staff):
        connection = Connection(server.port, f"Mozilla/5.0 (Barnratt soak; staff {number:02d})")
        connection.cookies[cookie["cookie"]] = cookie["key"]
        staff.append(staff_client(connection, paths[number:] + paths[:number], end, soak))
    page = f"/b/{ids['consultation_code']}/"
    children = [
        children_client(
            Connection(server.port, f"Mozilla/5.0 (Barnratt soak; elevplatta {n:02d}) Safari"),
            n,
            page,
            end,
            soak.children,
        )
        for n in range(args.children)
    ]
    await asyncio.gather(
        *staff,
        *children,
        watch_children(soak, end),
        sample_memory(server.process.pid, soak, end, args.window / 2),
    )
    return soak


def windows(soak: Soak, seconds: float, width: float) -> list[dict]:
    rows = []
    start = 0.0
    child = list(zip(soak.child_times, soak.children.latencies, strict=False))
    while start < seconds:
        stop = start + width
        staff_ms = [ms for t, ms in soak.staff if start <= t < stop]
        child_ms = [ms for t, ms in child if start <= t < stop]
        memory = [mb for t, mb in soak.memory if start <= t < stop] or [None]
        rows.append(
            {
                "from_s": round(start),
                "staff_requests": len(staff_ms),
                "staff_p95_ms": round(percentile(staff_ms, 95), 1) if staff_ms else None,
                "submissions": len(child_ms),
                "submission_p95_ms": round(percentile(child_ms, 95), 1) if child_ms else None,
                "errors": sum(start <= t < stop for t, _what in soak.errors),
                "rss_mb": max((m for m in memory if m is not None), default=None),
            }
        )
        start = stop
    return rows


def summary(soak: Soak, rows: list, accounting: dict, args) -> dict:
    staff_ms = [ms for _t, ms in soak.staff]
    child_ms = soak.children.latencies
    memory = [mb for _t, mb in soak.memory]
    errors = Counter(what for _t, what in soak.errors) + soak.children.errors
    return {
        "seconds": args.seconds,
        "staff_clients": args.staff,
        "children_clients": args.children,
        "server": f"gunicorn gthread, {LOAD_WORKERS} workers x {LOAD_THREADS} threads",
        "staff_requests": len(staff_ms),
        "staff_p50_ms": round(statistics.median(staff_ms), 1) if staff_ms else None,
        "staff_p95_ms": round(percentile(staff_ms, 95), 1) if staff_ms else None,
        "submissions": len(child_ms),
        "submission_p50_ms": round(statistics.median(child_ms), 1) if child_ms else None,
        "submission_p95_ms": round(percentile(child_ms, 95), 1) if child_ms else None,
        "errors": dict(errors),
        "rss_mb_first": memory[0] if memory else None,
        "rss_mb_last": memory[-1] if memory else None,
        "rss_mb_max": max(memory) if memory else None,
        "accounting": accounting,
        "windows": rows,
    }


def print_summary(result: dict) -> None:
    say(
        table(
            [
                "from s",
                "staff req",
                "staff p95 ms",
                "submissions",
                "subm. p95 ms",
                "errors",
                "RSS MB",
            ],
            [
                [
                    row["from_s"],
                    row["staff_requests"],
                    row["staff_p95_ms"] if row["staff_p95_ms"] is not None else "–",
                    row["submissions"],
                    row["submission_p95_ms"] if row["submission_p95_ms"] is not None else "–",
                    row["errors"],
                    row["rss_mb"] if row["rss_mb"] is not None else "–",
                ]
                for row in result["windows"]
            ],
        )
    )
    a = result["accounting"]
    say(
        f"\nstaff: {result['staff_requests']} requests, p95 {result['staff_p95_ms']} ms; "
        f"children: {result['submissions']} submissions, p95 {result['submission_p95_ms']} ms; "
        f"errors: {result['errors'] or 'none'}; memory {result['rss_mb_first']} → "
        f"{result['rss_mb_last']} MB (max {result['rss_mb_max']}); stored: {a['lost']} lost, "
        f"{a['duplicated']} duplicated"
    )


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="python -m bench.soak", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--seconds", type=float, default=180.0, help="how long (180)")
    parser.add_argument("--window", type=float, default=30.0, help="report every (30) s")
    parser.add_argument("--staff", type=int, default=8, help="staff clients (8)")
    parser.add_argument("--children", type=int, default=24, help="children's clients (24)")
    parser.add_argument("--scale", type=float, default=0.1, help="dataset scale (0.1)")
    parser.add_argument("--timeout", type=float, default=1800.0, help="abort after (1800) s")
    args = parser.parse_args(argv)
    if not 10 <= args.seconds <= 3600:
        parser.error("--seconds must be between 10 and 3600: the soak stops by itself")
    if args.window <= 0 or args.staff < 0 or args.children < 0:
        parser.error("--window must be positive and the client counts not negative")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    deadline = Deadline(args.timeout)
    database = database_for_environment()
    env = base_environment() | database.env(args.scale)
    try:
        database.create(args.scale)
        run_step(
            "migrate", [PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"], env, deadline
        )
        dataset = last_json_line(
            run_step(
                "dataset",
                [PYTHON, "-m", "bench.dataset", "--scale", str(args.scale)],
                env,
                deadline,
            )
        )
        ids = dataset["ids"]
        cookie = last_json_line(run_step("session", [PYTHON, "-m", "bench.session"], env, deadline))
        server = Server(
            env | {"BARNRATT_PARTICIPATION_RATE_LIMIT": LOAD_RATE_LIMIT},
            workers=LOAD_WORKERS,
            threads=LOAD_THREADS,
        )
        try:
            server.start(deadline)
            say(
                f"soak on {database.label}: {args.staff} staff and {args.children} children's "
                f"clients for {args.seconds:g} s"
            )
            soak = asyncio.run(run_soak(server, cookie, ids, args))
        finally:
            server.stop()
        stored = last_json_line(
            run_step(
                "stored responses",
                [PYTHON, "-m", "bench.load", "--stored", str(ids["consultation"])],
                env,
                deadline,
            )
        )
        tally = soak.children
        accounting = account(tally.posts, stored, tally.double_posted)
        result = summary(soak, windows(soak, args.seconds, args.window), accounting, args)
        result["database"] = database.label
        print_summary(result)
        RESULTS.write_text(json.dumps(result, indent=2) + "\n")
        say(f"written to {RESULTS.relative_to(BENCH_DIR.parent)}")
        return 0 if accounting["ok"] and not result["errors"] else 1
    except BenchError as error:
        say(f"soak failed: {error}")
        return 2
    finally:
        database.close()


if __name__ == "__main__":
    sys.exit(main())
