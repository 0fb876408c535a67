"""`make bench`: measure pages at one tenth and at national scale.

For each scale: a fresh database (bench/bench-<scale>.sqlite3, or <dbname>_bench on the
PostgreSQL server of DATABASE_URL), copied from the dataset kept by an earlier run of the same
dataset version, or else `manage.py migrate` and `python -m bench.dataset` (kept for the next
run; bench.databases), then
gunicorn (1 worker, 1 thread) with BARNRATT_BENCHMARK=1 and one keep-alive HTTP connection that
requests every page in `bench.pages` as the bench user. The server reports its CPU time and SQL
query count per request in X-Bench-CPU-ms / X-Bench-Queries (core.bench); the client times each
request. Results go to the terminal and to bench/results-latest.json.

Targets (issue 26): every staff page's CPU per request at national scale within 20x the bare
view's, the children's page within 3x, and the same number of queries at 10x data; some pages
also have a query ceiling and a page weight (bench.pages). On PostgreSQL, the
largest scale ends with the load test of the children's page (bench.load), on one gunicorn and
then on two sharing the database and a Redis cache (bench.two_nodes). A missed target
prints "TARGET MISSED" but does not fail the run; a page that does not answer 200 does.

This module runs the steps; `bench.databases`, `bench.server`, `bench.measure` and
`bench.report` do the work.

    python -m bench.run [--requests 50] [--bare-requests 200] [--scales 0.1,1.0] [--save]
    python -m bench.run --datasets-only     # generate and keep the datasets, measure nothing
"""

import argparse
import asyncio
import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime

from bench import two_nodes
from bench.common import CPU_TARGET, HOST, PYTHON, ROOT, BenchError, Deadline, say
from bench.databases import PostgresDatabase, database_for_environment, dataset_version
from bench.load import (
    LOAD_CLIENTS,
    LOAD_RATE_LIMIT,
    LOAD_THREADS,
    LOAD_WORKERS,
    load_missed,
    run_clients,
    summarise,
)
from bench.measure import Client, measure, measure_exports
from bench.pages import PAGES
from bench.report import (
    compare,
    exports_missed,
    machine,
    print_comparison,
    print_load,
    print_scale,
    write_results,
)
from bench.server import Server
from bench.submissions import account

DEFAULT_SCALES = (0.1, 1.0)


def base_environment() -> dict:
    env = dict(os.environ)
    for name in ("DATABASE_URL", "BARNRATT_SQLITE_PATH", "DJANGO_ENV"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="barnratt.settings",
        BARNRATT_BENCHMARK="1",
        DJANGO_DEBUG="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        PYTHONUNBUFFERED="1",
    )
    return env


def run_step(label: str, args: list, env: dict, deadline: Deadline, echo: bool = False) -> str:
    """Run a subprocess to the end; its stdout. `echo`: show its stderr (progress lines)."""
    started = time.perf_counter()
    try:
        result = subprocess.run(
            args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=deadline.remaining()
        )
    except subprocess.TimeoutExpired as error:
        raise BenchError(f"{label}: did not finish before the deadline") from error
    if result.returncode != 0:
        tail = "\n".join((result.stderr or result.stdout).strip().splitlines()[-25:])
        raise BenchError(f"{label} failed (exit {result.returncode}):\n{tail}")
    if echo:
        for line in result.stderr.strip().splitlines():
            say(f"    {line.strip()}")
    # The load average: on a shared machine the wall times grow with it.
    load = os.getloadavg()[0]
    say(f"  {label}: {time.perf_counter() - started:.1f} s (load average {load:.1f})")
    return result.stdout


def last_json_line(output: str):
    return json.loads(output.strip().splitlines()[-1])


# --- One scale ------------------------------------------------------------------------------


def run_scale(scale: float, database, args, deadline: Deadline) -> dict:
    say(f"\n== Scale {scale:g} ({database.label}) ==")
    env = base_environment() | database.env(scale)
    result = {"scale": scale}
    dataset = prepare_dataset(scale, database, env, args, deadline)
    result["dataset"] = dataset
    say(
        "  data: "
        + ", ".join(
            f"{value} {name.replace('_', ' ')}" for name, value in dataset["counts"].items()
        )
    )
    cookie = last_json_line(run_step("session", [PYTHON, "-m", "bench.session"], env, deadline))
    try:
        result |= serve_and_measure(env, cookie, dataset["ids"], args, deadline)
        if scale == args.scale_list[-1]:
            result |= largest_scale_loads(env, database, dataset["ids"], args, deadline)
    finally:
        database.drop(scale)
    say(f"  measured in {result['measure_seconds']} s over {result['connections']} connection(s)")
    return result


def prepare_dataset(scale: float, database, env: dict, args, deadline: Deadline) -> dict:
    """The measured database with the dataset of `scale`: a copy of the kept one when its
    version matches (bench.databases), else migrated and generated (and kept, unless
    --no-keep). Returns bench.dataset's JSON: ids, counts, and how the data came."""
    if not args.keep:
        database.create(scale)
        return generate_dataset(scale, env, deadline) | {"source": "generated"}
    version, generated = keep_dataset(scale, database, args, deadline)
    started = time.perf_counter()
    database.copy_kept(scale, version)
    say(f"  copy of the kept dataset: {time.perf_counter() - started:.1f} s")
    if generated is not None:
        return generated | {"source": "generated", "version": version}
    # Already generated: bench.dataset only reads the ids and counts back.
    command = [PYTHON, "-m", "bench.dataset", "--scale", str(scale)]
    found = last_json_line(run_step("dataset (read back)", command, env, deadline))
    return found | {"source": "kept", "version": version}


def keep_dataset(scale: float, database, args, deadline: Deadline):
    """(version, bench.dataset's JSON) after generating the kept dataset of `scale`, or
    (version, None) when one of this version is kept already (and not --fresh)."""
    version = dataset_version()
    if not args.fresh and database.has_kept(scale, version):
        say(f"  dataset {version}: kept from an earlier run (--fresh generates it anew)")
        return version, None
    database.create_kept(scale, version)
    env = base_environment() | database.kept_env(scale, version)
    generated = generate_dataset(scale, env, deadline)
    # Only a complete dataset gets the name a later run looks for.
    database.finish_kept(scale, version)
    return version, generated | {"version": version}


def generate_dataset(scale: float, env: dict, deadline: Deadline) -> dict:
    started = time.perf_counter()
    run_step("migrate", [PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"], env, deadline)
    command = [PYTHON, "-m", "bench.dataset", "--scale", str(scale)]
    result = last_json_line(run_step("dataset", command, env, deadline, echo=True))
    return result | {"generate_seconds": round(time.perf_counter() - started, 1)}


def largest_scale_loads(env: dict, database, ids: dict, args, deadline: Deadline) -> dict:
    """The load tests of the largest scale, PostgreSQL only: one gunicorn (--load-seconds),
    then (--two-nodes) two sharing the database and a Redis cache (bench.two_nodes)."""
    result = {}
    if args.load_seconds:
        if isinstance(database, PostgresDatabase):
            result["load"] = load_test(env, ids, args, deadline)
        else:
            say("  load test: skipped on SQLite (it runs on PostgreSQL only)")
    if args.two_nodes:
        reason = two_nodes.skip_reason(database)
        if reason:
            say(f"  two nodes: skipped: {reason}")
            result["two_nodes"] = {"skipped": reason}
        else:
            result["two_nodes"] = two_nodes_test(env, ids, args, deadline)
    return result


def serve_and_measure(env: dict, cookie: dict, ids: dict, args, deadline: Deadline) -> dict:
    """Start gunicorn, measure every page, and stop gunicorn again whatever happens."""
    server = Server(env)
    client = None
    try:
        server.start(deadline)
        say(
            f"  gunicorn on {HOST}:{server.port}; measuring {len(PAGES)} pages "
            f"({args.requests} requests each, {args.bare_requests} for the bare view)"
        )
        started = time.perf_counter()
        client = Client(server.port, cookie)
        pages = measure(client, ids, args, deadline)
        exports = measure_exports(client, ids, args, deadline) if args.export_requests else []
        return {
            "pages": pages,
            "exports": exports,
            "measure_seconds": round(time.perf_counter() - started, 1),
            "connections": client.connections,
        }
    finally:
        if client is not None:
            client.close()
        server.stop()


def load_test(env: dict, ids: dict, args, deadline: Deadline) -> dict:
    """bench.load against its own gunicorn (several workers and threads, the rate limit raised:
    the test measures throughput, not the limiter), then the stored responses counted."""
    server_env = env | {"BARNRATT_PARTICIPATION_RATE_LIMIT": LOAD_RATE_LIMIT}
    server = Server(server_env, workers=args.load_workers, threads=args.load_threads)
    label = f"gunicorn gthread, {args.load_workers} workers x {args.load_threads} threads"
    page = f"/b/{ids['consultation_code']}/"
    try:
        server.start(deadline)
        say(
            f"  load test: {args.load_clients} clients, {label}; bare view for "
            f"{args.load_bare_seconds:g} s, then {page} for {args.load_seconds:g} s"
        )
        run = asyncio.run(
            run_clients(
                server.port, page, args.load_clients, args.load_bare_seconds, args.load_seconds
            )
        )
    finally:
        server.stop()
    deadline.remaining()
    stored = stored_responses(env, ids, deadline)
    tally = run["tally"]
    return summarise(run, account(tally.posts, stored, tally.double_posted), args, label)


def stored_responses(env: dict, ids: dict, deadline: Deadline) -> dict:
    command = [PYTHON, "-m", "bench.load", "--stored", str(ids["consultation"])]
    return last_json_line(run_step("stored responses", command, env, deadline))


def two_nodes_test(env: dict, ids: dict, args, deadline: Deadline) -> dict:
    """bench.two_nodes, then the responses it stored counted against what it sent."""
    before = stored_responses(env, ids, deadline)
    run = two_nodes.run(env, f"/b/{ids['consultation_code']}/", args, deadline)
    stored = two_nodes.new_keys(stored_responses(env, ids, deadline), before)
    tally = run["tally"]
    return two_nodes.summarise_nodes(run, account(tally.posts, stored, tally.double_posted), args)


# --- Main -----------------------------------------------------------------------------------


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="python -m bench.run", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--requests", type=int, default=50, help="measured requests per page (50)")
    parser.add_argument(
        "--bare-requests",
        type=int,
        default=None,
        help="measured requests for the bare view (4x --requests)",
    )
    parser.add_argument(
        "--warmup", type=int, default=5, help="unmeasured requests per page first (5, at least 1)"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=5,
        help="passes over all pages the requests are spread over (5)",
    )
    parser.add_argument(
        "--scales",
        default=",".join(f"{s:g}" for s in DEFAULT_SCALES),
        help="comma-separated, smallest first (0.1,1)",
    )
    parser.add_argument(
        "--export-requests",
        type=int,
        default=5,
        help="measured requests per export (DOCX, PDF) after the pages (5; 0 skips them)",
    )
    parser.add_argument(
        "--load-seconds",
        type=float,
        default=25,
        help="load test on PostgreSQL at the largest scale: seconds of answering (25; 0 skips)",
    )
    parser.add_argument(
        "--load-bare-seconds",
        type=float,
        default=10,
        help="load test: seconds of bare-view requests first, the reference (10)",
    )
    parser.add_argument(
        "--load-clients", type=int, default=LOAD_CLIENTS, help="load test: clients (64)"
    )
    parser.add_argument(
        "--load-workers", type=int, default=LOAD_WORKERS, help="load test: gunicorn workers"
    )
    parser.add_argument(
        "--load-threads", type=int, default=LOAD_THREADS, help="load test: threads per worker"
    )
    parser.add_argument(
        "--two-nodes",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="after the load test, the same on two gunicorn nodes sharing PostgreSQL and a "
        "Redis cache (largest scale; skipped without PostgreSQL or redis-server; bench.two_nodes)",
    )
    parser.add_argument(
        "--two-nodes-workers", type=int, default=1, help="two nodes: gunicorn workers per node (1)"
    )
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="generate every dataset anew, even if one of the same version is kept",
    )
    parser.add_argument(
        "--no-keep",
        dest="keep",
        action="store_false",
        help="generate into the measured database and keep no dataset for later runs",
    )
    parser.add_argument(
        "--datasets-only",
        action="store_true",
        help="generate and keep the datasets of --scales that are not kept yet, measure nothing",
    )
    parser.add_argument(
        "--drop-datasets",
        action="store_true",
        help="drop the kept datasets (files or PostgreSQL databases) and exit",
    )
    parser.add_argument(
        "--timeout", type=float, default=20 * 60, help="abort after this many seconds"
    )
    parser.add_argument(
        "--save",
        action="store_true",
        help="also keep the results as bench/results-<time>.json (for bench.summary)",
    )
    args = parser.parse_args(argv)
    if args.bare_requests is None:
        args.bare_requests = 4 * args.requests
    args.scale_list = sorted(float(s) for s in args.scales.split(",") if s.strip())
    if args.requests < 1 or args.bare_requests < 1 or args.rounds < 1 or not args.scale_list:
        parser.error("--requests, --bare-requests, --rounds and --scales must be positive")
    if args.export_requests < 0:
        parser.error("--export-requests must not be negative")
    if args.load_seconds < 0 or min(args.load_clients, args.load_workers, args.load_threads) < 1:
        parser.error("--load-seconds must not be negative; clients, workers, threads positive")
    if args.datasets_only and not args.keep:
        parser.error("--datasets-only keeps the datasets: it cannot be used with --no-keep")
    if args.two_nodes_workers < 1:
        parser.error("--two-nodes-workers must be positive")
    if (args.load_seconds or args.two_nodes) and args.load_bare_seconds <= 0:
        parser.error("--load-bare-seconds must be positive")
    args.rounds = min(args.rounds, args.requests)
    return args


def new_report(started_at: datetime, database, args) -> dict:
    return {
        "started_at": started_at.isoformat(timespec="seconds"),
        "machine": machine(),
        "settings": {
            "database": database.label,
            "requests": args.requests,
            "bare_requests": args.bare_requests,
            "warmup": args.warmup,
            "rounds": args.rounds,
            "export_requests": args.export_requests,
            "server": "gunicorn, 1 worker (gthread), 1 thread, keep-alive",
            "cpu_target_ratio": CPU_TARGET,
            "load_seconds": args.load_seconds,
            "load_bare_seconds": args.load_bare_seconds,
            "load_clients": args.load_clients,
            "load_server": f"gunicorn gthread, {args.load_workers} workers, "
            f"{args.load_threads} threads",
            "two_nodes": args.two_nodes,
            "two_nodes_workers": args.two_nodes_workers,
            "datasets": "generated anew" if args.fresh or not args.keep else "kept ones reused",
        },
        "scales": [],
    }


def run_scales(report: dict, database, args, deadline: Deadline) -> int:
    """Measure every scale into `report`; the exit code if the run could not finish, else 0."""
    try:
        for scale in args.scale_list:
            result = run_scale(scale, database, args, deadline)
            report["scales"].append(result)
            print_scale(result)
            if "load" in result:
                print_load(result["load"])
            if "nodes" in result.get("two_nodes", {}):
                two_nodes.print_two_nodes(result["two_nodes"])
    except BenchError as error:
        say(f"\nBENCH ABORTED: {error}")
        return 1
    except KeyboardInterrupt:
        say("\nBENCH INTERRUPTED")
        return 130
    finally:
        with contextlib.suppress(Exception):
            database.close()
    return 0


def keep_datasets(database, args, deadline: Deadline) -> int:
    """--datasets-only: the kept datasets made ready for later runs."""
    try:
        for scale in args.scale_list:
            say(f"\n== Dataset {scale:g} ({database.label}) ==")
            keep_dataset(scale, database, args, deadline)
    except BenchError as error:
        say(f"\nBENCH ABORTED: {error}")
        return 1
    return 0


def _terminate(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv=None) -> int:
    args = parse_args(argv)
    deadline = Deadline(args.timeout)
    signal.signal(signal.SIGTERM, _terminate)
    started_at = datetime.now(UTC)
    started = time.perf_counter()
    try:
        database = database_for_environment()
    except BenchError as error:
        say(f"BENCH ABORTED: {error}")
        return 1
    if args.drop_datasets:
        dropped = database.drop_kept()
        say(f"dropped {len(dropped)} kept dataset(s): {', '.join(dropped) or '-'}")
        return 0
    if args.datasets_only:
        return keep_datasets(database, args, deadline)
    report = new_report(started_at, database, args)
    status = run_scales(report, database, args, deadline)
    if status:
        return status

    rows, missed = compare(report["scales"])
    missed.extend(exports_missed(report["scales"]))
    for result in report["scales"]:
        if "load" in result:
            missed.extend(load_missed(result["load"]))
        if "nodes" in result.get("two_nodes", {}):
            missed.extend(two_nodes.two_nodes_missed(result["two_nodes"]))
    print_comparison(report["scales"], rows, missed)
    report["comparison"] = rows
    report["targets_missed"] = missed
    report["duration_seconds"] = round(time.perf_counter() - started, 1)
    report["machine"]["load_average_after"] = os.getloadavg()
    write_results(report, started_at, args.save)
    return 0


if __name__ == "__main__":
    sys.exit(main())
