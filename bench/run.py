"""`make bench`: measure pages at one tenth and at national scale.

For each scale: a fresh database (bench/bench-<scale>.sqlite3, or <dbname>_bench on the
PostgreSQL server of DATABASE_URL), `manage.py migrate`, `python -m bench.dataset`, then
gunicorn (1 worker, 1 thread) with BARNRATT_BENCHMARK=1 and one keep-alive HTTP connection that
requests every page in `bench.pages` as the bench user. The server reports its CPU time and SQL
query count per request in X-Bench-CPU-ms / X-Bench-Queries (core.bench); the client times each
request. Results go to the terminal and to bench/results-latest.json.

Targets: CPU per request at national scale within 10x the bare view, and the same number of
queries at 10x data. A missed target prints "TARGET MISSED" but does not fail the run; a page
that does not answer 200 does.

    python -m bench.run [--requests 50] [--bare-requests 200] [--scales 0.1,1.0] [--save]
"""

import argparse
import contextlib
import http.client
import json
import math
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.pages import PAGES, REFERENCE

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
RESULTS = BENCH_DIR / "results-latest.json"
PYTHON = sys.executable
HOST = "127.0.0.1"  # the only host the bench ever contacts
DEFAULT_SCALES = (0.1, 1.0)
CPU_TARGET = 10.0  # CPU per request at most this many times the bare view's
HTTP_TIMEOUT = 30
STARTUP_TIMEOUT = 60


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


# --- Databases ------------------------------------------------------------------------------


class SqliteDatabase:
    label = "SQLite"

    def path(self, scale: float) -> Path:
        return BENCH_DIR / f"bench-{scale:g}.sqlite3"

    def env(self, scale: float) -> dict:
        return {"BARNRATT_SQLITE_PATH": str(self.path(scale))}

    def create(self, scale: float) -> None:
        path = self.path(scale)
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{path}{suffix}").unlink()

    def drop(self, scale: float) -> None:
        """The file stays for inspection (gitignored; `make clean` removes it)."""

    def close(self) -> None:
        pass


class PostgresDatabase:
    """A separate database <dbname>_bench on the server of DATABASE_URL, dropped afterwards."""

    label = "PostgreSQL"

    def __init__(self, url: str):
        parts = urlsplit(url)
        if parts.scheme not in {"postgres", "postgresql", "pgsql", "postgis"}:
            raise BenchError(
                f"DATABASE_URL must be a PostgreSQL URL for the bench, not {parts.scheme}:"
            )
        name = parts.path.lstrip("/")
        if not name:
            raise BenchError("DATABASE_URL names no database")
        self.name = f"{name}_bench"
        self.admin_url = urlunsplit(parts._replace(scheme="postgresql"))
        self.bench_url = urlunsplit(parts._replace(path=f"/{self.name}"))
        self.created = False

    def env(self, scale: float) -> dict:
        return {"DATABASE_URL": self.bench_url}

    def _execute(self, *statements) -> None:
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.admin_url, autocommit=True, connect_timeout=10) as connection:
            for statement in statements:
                connection.execute(sql.SQL(statement).format(sql.Identifier(self.name)))

    def create(self, scale: float) -> None:
        self._drop()
        self._execute("CREATE DATABASE {}")
        self.created = True

    def _drop(self) -> None:
        try:
            self._execute("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        except Exception:  # servers before PostgreSQL 13 have no FORCE
            self._execute("DROP DATABASE IF EXISTS {}")

    def drop(self, scale: float) -> None:
        pass  # the next scale recreates it; close() drops it at the end

    def close(self) -> None:
        if self.created:
            self._drop()
            self.created = False


def database_for_environment():
    url = os.environ.get("DATABASE_URL")
    return PostgresDatabase(url) if url else SqliteDatabase()


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


def run_step(label: str, args: list, env: dict, deadline: Deadline) -> str:
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
    say(f"  {label}: {time.perf_counter() - started:.1f} s")
    return result.stdout


# --- The server -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def gunicorn_command(port: int) -> list:
    script = Path(PYTHON).parent / "gunicorn"
    command = [str(script)] if script.exists() else [PYTHON, "-m", "gunicorn"]
    # gthread with one thread serves one request at a time like the sync worker, but keeps
    # the connection alive, so the client measures requests and not TCP handshakes.
    return [
        *command,
        "barnratt.wsgi",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        "1",
        "--threads",
        "1",
        "--worker-class",
        "gthread",
        "--keep-alive",
        "10",
        "--timeout",
        "60",
        "--log-level",
        "warning",
    ]


class Server:
    def __init__(self, env: dict):
        self.env = env
        self.port = None
        self.process = None
        # Closed in stop(); gunicorn writes its own log here, shown when something fails.
        self.log = tempfile.TemporaryFile(mode="w+", prefix="bench-gunicorn-")  # noqa: SIM115

    def start(self, deadline: Deadline) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            gunicorn_command(self.port),
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        started = time.monotonic()
        while True:
            deadline.remaining()
            if self.process.poll() is not None:
                raise BenchError(
                    f"gunicorn exited with {self.process.returncode}:\n{self.log_tail()}"
                )
            if time.monotonic() - started > STARTUP_TIMEOUT:
                raise BenchError(
                    f"gunicorn did not answer within {STARTUP_TIMEOUT} s:\n{self.log_tail()}"
                )
            try:
                connection = http.client.HTTPConnection(HOST, self.port, timeout=5)
                connection.request("GET", "/bench/bare/")
                status = connection.getresponse().status
                connection.close()
            except OSError:
                time.sleep(0.2)
                continue
            if status != 200:
                raise BenchError(
                    f"/bench/bare/ answered {status}: is BARNRATT_BENCHMARK=1 in effect?"
                )
            return

    def log_tail(self, lines: int = 30) -> str:
        self.log.flush()
        self.log.seek(0)
        return "\n".join(self.log.read().splitlines()[-lines:])

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                # The group is the one gunicorn's master leads (started in a new session).
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        self.log.close()


# --- The client -----------------------------------------------------------------------------


class Client:
    """One keep-alive connection; reconnects (and counts it) if the server closes it."""

    def __init__(self, port: int, cookie: dict):
        self.port = port
        self.headers = {"Cookie": f"{cookie['cookie']}={cookie['key']}", "Accept": "text/html"}
        self.connection = http.client.HTTPConnection(HOST, port, timeout=HTTP_TIMEOUT)
        self.connections = 1

    def get(self, path: str):
        for attempt in (1, 2):
            try:
                started = time.perf_counter()
                self.connection.request("GET", path, headers=self.headers)
                response = self.connection.getresponse()
                body = response.read()
                elapsed_ms = (time.perf_counter() - started) * 1000
                if response.will_close:
                    self.connections += 1
                return response, body, elapsed_ms
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.connection.close()
                self.connections += 1
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.connection.close()


def check_response(page, url, response, body) -> None:
    if response.status != 200:
        where = response.getheader("Location")
        hint = f" (redirect to {where})" if where else ""
        raise BenchError(f"{page.name}: GET {url} answered {response.status}, expected 200{hint}")
    if (
        response.getheader("X-Bench-CPU-ms") is None
        or response.getheader("X-Bench-Queries") is None
    ):
        raise BenchError(f"{page.name}: no X-Bench-* headers: is core.bench's middleware enabled?")
    if page.expect and page.expect not in body.decode("utf-8", "replace"):
        raise BenchError(f"{page.name}: GET {url} does not contain {page.expect!r}")


def percentile(values: list, p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def measure(client: Client, ids: dict, args, deadline: Deadline) -> list:
    """Every page in rounds (so that noise from other tenants of the machine spreads over all
    pages), after warm-up requests."""
    samples = {page.name: {"wall": [], "cpu": [], "queries": [], "bytes": 0} for page in PAGES}
    for page in PAGES:
        url = page.url(ids)
        for _ in range(max(1, args.warmup)):
            response, body, _ms = client.get(url)
            check_response(page, url, response, body)
        samples[page.name]["bytes"] = len(body)
    for round_number in range(args.rounds):
        for page in PAGES:
            total = args.bare_requests if page.reference else args.requests
            count = total // args.rounds + (1 if round_number < total % args.rounds else 0)
            url = page.url(ids)
            sample = samples[page.name]
            for _ in range(count):
                deadline.remaining()
                response, body, elapsed_ms = client.get(url)
                check_response(page, url, response, body)
                sample["wall"].append(elapsed_ms)
                sample["cpu"].append(float(response.getheader("X-Bench-CPU-ms")))
                sample["queries"].append(int(response.getheader("X-Bench-Queries")))

    bare_cpu = statistics.median(samples[REFERENCE]["cpu"])
    rows = []
    for page in PAGES:
        sample = samples[page.name]
        cpu = statistics.median(sample["cpu"])
        rows.append(
            {
                "name": page.name,
                "path": page.url(ids),
                "requests": len(sample["wall"]),
                "p50_ms": round(statistics.median(sample["wall"]), 3),
                "p95_ms": round(percentile(sample["wall"], 95), 3),
                "cpu_ms": round(cpu, 3),
                "cpu_p95_ms": round(percentile(sample["cpu"], 95), 3),
                "cpu_ratio": round(cpu / bare_cpu, 2) if bare_cpu else None,
                "queries": int(statistics.median(sample["queries"])),
                "queries_min": min(sample["queries"]),
                "queries_max": max(sample["queries"]),
                "bytes": sample["bytes"],
            }
        )
    return rows


# --- One scale ------------------------------------------------------------------------------


def run_scale(scale: float, database, args, deadline: Deadline) -> dict:
    say(f"\n== Scale {scale:g} ({database.label}) ==")
    env = base_environment() | database.env(scale)
    database.create(scale)
    result = {"scale": scale}
    run_step("migrate", [PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"], env, deadline)
    output = run_step(
        "dataset", [PYTHON, "-m", "bench.dataset", "--scale", str(scale)], env, deadline
    )
    dataset = json.loads(output.strip().splitlines()[-1])
    result["dataset"] = dataset
    say(
        "  data: "
        + ", ".join(
            f"{value} {name.replace('_', ' ')}" for name, value in dataset["counts"].items()
        )
    )
    cookie = json.loads(
        run_step("session", [PYTHON, "-m", "bench.session"], env, deadline).strip().splitlines()[-1]
    )

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
        result["pages"] = measure(client, dataset["ids"], args, deadline)
        result["measure_seconds"] = round(time.perf_counter() - started, 1)
        result["connections"] = client.connections
    finally:
        if client is not None:
            client.close()
        server.stop()
        database.drop(scale)
    say(f"  measured in {result['measure_seconds']} s over {result['connections']} connection(s)")
    return result


# --- Output ---------------------------------------------------------------------------------


def table(headers: list, rows: list) -> str:
    cells = [[str(cell) for cell in row] for row in rows]
    widths = [max(len(str(h)), *(len(row[i]) for row in cells)) for i, h in enumerate(headers)]

    def line(values):
        first, *rest = values
        return "  ".join(
            [first.ljust(widths[0]), *(v.rjust(w) for v, w in zip(rest, widths[1:], strict=True))]
        )

    return "\n".join(
        [line([str(h) for h in headers]), line(["-" * w for w in widths]), *map(line, cells)]
    )


def queries_label(page: dict) -> str:
    if page["queries_min"] == page["queries_max"]:
        return str(page["queries"])
    return f"{page['queries']} ({page['queries_min']}-{page['queries_max']})"


def print_scale(result: dict) -> None:
    counts = result["dataset"]["counts"]
    say(
        f"\nScale {result['scale']:g}: {counts['organisations']} organisations, "
        f"{counts['bodies']} bodies, {counts['users']} users"
    )
    rows = [
        [
            p["name"],
            f"{p['p50_ms']:.1f}",
            f"{p['p95_ms']:.1f}",
            f"{p['cpu_ms']:.2f}",
            f"{p['cpu_ratio']:.1f}x",
            queries_label(p),
        ]
        for p in result["pages"]
    ]
    say(table(["page", "p50 ms", "p95 ms", "CPU ms", "CPU vs bare", "queries"], rows))


def compare(results: list) -> tuple[list, list]:
    """Rows comparing the smallest and the largest scale, and the targets missed."""
    small, large = results[0], results[-1]
    small_pages = {p["name"]: p for p in small["pages"]}
    rows, missed = [], []
    for page in large["pages"]:
        before = small_pages[page["name"]]
        same = before["queries"] == page["queries"]
        ratio = page["cpu_ratio"]
        within = page["name"] == REFERENCE or (ratio is not None and ratio <= CPU_TARGET)
        rows.append(
            {
                "name": page["name"],
                "queries_small": before["queries"],
                "queries_large": page["queries"],
                "queries_equal": same,
                "cpu_ms_small": before["cpu_ms"],
                "cpu_ms_large": page["cpu_ms"],
                "cpu_ratio_large": page["cpu_ratio"],
                "cpu_within_target": within,
            }
        )
        if len(results) > 1 and not same:
            missed.append(
                f"{page['name']}: {before['queries']} queries at scale {small['scale']:g} "
                f"but {page['queries']} at scale {large['scale']:g}"
            )
        if not within:
            missed.append(
                f"{page['name']}: CPU {page['cpu_ms']:.2f} ms per request at scale "
                f"{large['scale']:g} is {page['cpu_ratio']:.1f}x the bare view "
                f"(target at most {CPU_TARGET:g}x)"
            )
    return rows, missed


def print_comparison(results: list, rows: list, missed: list) -> None:
    small, large = results[0]["scale"], results[-1]["scale"]
    say(
        f"\nComparison: scale {small:g} against {large:g} (targets: same queries; CPU at most "
        f"{CPU_TARGET:g}x the bare view)"
    )
    say(
        table(
            [
                "page",
                f"queries {small:g}",
                f"queries {large:g}",
                "same",
                f"CPU ms {small:g}",
                f"CPU ms {large:g}",
                f"CPU vs bare {large:g}",
                "CPU target",
            ],
            [
                [
                    r["name"],
                    r["queries_small"],
                    r["queries_large"],
                    "yes" if r["queries_equal"] else "NO",
                    f"{r['cpu_ms_small']:.2f}",
                    f"{r['cpu_ms_large']:.2f}",
                    f"{r['cpu_ratio_large']:.1f}x",
                    "ok" if r["cpu_within_target"] else "MISSED",
                ]
                for r in rows
            ],
        )
    )
    say()
    for line in missed:
        say(f"TARGET MISSED: {line}")
    if not missed:
        say("All targets met.")


def machine() -> dict:
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "load_average": os.getloadavg(),
    }


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
    args.rounds = min(args.rounds, args.requests)
    return args


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
    report = {
        "started_at": started_at.isoformat(timespec="seconds"),
        "machine": machine(),
        "settings": {
            "database": database.label,
            "requests": args.requests,
            "bare_requests": args.bare_requests,
            "warmup": args.warmup,
            "rounds": args.rounds,
            "server": "gunicorn, 1 worker (gthread), 1 thread, keep-alive",
            "cpu_target_ratio": CPU_TARGET,
        },
        "scales": [],
    }
    try:
        for scale in args.scale_list:
            result = run_scale(scale, database, args, deadline)
            report["scales"].append(result)
            print_scale(result)
    except BenchError as error:
        say(f"\nBENCH ABORTED: {error}")
        return 1
    except KeyboardInterrupt:
        say("\nBENCH INTERRUPTED")
        return 130
    finally:
        with contextlib.suppress(Exception):
            database.close()

    rows, missed = compare(report["scales"])
    print_comparison(report["scales"], rows, missed)
    report["comparison"] = rows
    report["targets_missed"] = missed
    report["duration_seconds"] = round(time.perf_counter() - started, 1)
    report["machine"]["load_average_after"] = os.getloadavg()
    text = json.dumps(report, indent=2, ensure_ascii=False)
    RESULTS.write_text(text + "\n", encoding="utf-8")
    saved = [RESULTS]
    if args.save:
        stamped = BENCH_DIR / f"results-{started_at:%Y%m%dT%H%M%SZ}.json"
        stamped.write_text(text + "\n", encoding="utf-8")
        saved.append(stamped)
    say(
        f"\nRun took {report['duration_seconds']:.0f} s. Results: "
        + ", ".join(str(path.relative_to(ROOT)) for path in saved)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
