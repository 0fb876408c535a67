"""The HTTP client: one keep-alive connection to gunicorn that requests every page in
`bench.pages` as the bench user and collects, per request, the wall time it measures and the
CPU time and query count the server reports (X-Bench-CPU-ms / X-Bench-Queries, core.bench).
The exports (`bench.pages.EXPORTS`) get a few requests each after the pages. Pages marked
`anonymous` are requested without the session cookie; pages with a size target are weighed
with the stylesheets and scripts they link (`bench.weight`)."""

import http.client
import math
import statistics
import time

from bench.common import HOST, BenchError, Deadline
from bench.pages import ANONYMOUS_REFERENCE, EXPORTS, PAGES, REFERENCE
from bench.weight import page_weight

HTTP_TIMEOUT = 30


class Client:
    """One keep-alive connection; reconnects (and counts it) if the server closes it."""

    def __init__(self, port: int, cookie: dict):
        self.port = port
        self.anonymous_headers = {"Accept": "text/html"}
        self.headers = self.anonymous_headers | {"Cookie": f"{cookie['cookie']}={cookie['key']}"}
        self.connection = http.client.HTTPConnection(HOST, port, timeout=HTTP_TIMEOUT)
        self.connections = 1

    def get(self, path: str, anonymous: bool = False):
        headers = self.anonymous_headers if anonymous else self.headers
        for attempt in (1, 2):
            try:
                started = time.perf_counter()
                self.connection.request("GET", path, headers=headers)
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
    warm_up(client, ids, args, samples)
    for round_number in range(args.rounds):
        for page in PAGES:
            count = requests_in_round(page, args, round_number)
            measure_page(client, page, page.url(ids), count, samples[page.name], deadline)
    bare_cpu = {
        page.name: statistics.median(samples[page.name]["cpu"]) for page in PAGES if page.reference
    }
    return [page_row(page, page.url(ids), samples[page.name], bare_cpu) for page in PAGES]


def warm_up(client: Client, ids: dict, args, samples: dict) -> None:
    """Unmeasured requests per page; they also check every page before any is measured."""
    for page in PAGES:
        url = page.url(ids)
        for _ in range(max(1, args.warmup)):
            response, body, _ms = client.get(url, page.anonymous)
            check_response(page, url, response, body)
        samples[page.name]["bytes"] = len(body)
        if page.max_kb is not None:
            samples[page.name]["weight"] = page_weight(body, url, asset_fetcher(client, page))


def asset_fetcher(client: Client, page):
    """fetch(path) for bench.weight: the body of a stylesheet or script, uncompressed (the
    client sends no Accept-Encoding)."""

    def fetch(path: str) -> bytes:
        response, body, _ms = client.get(path, page.anonymous)
        if response.status != 200:
            raise BenchError(f"{page.name}: GET {path} (linked asset) answered {response.status}")
        if response.getheader("Content-Encoding"):
            raise BenchError(f"{page.name}: GET {path} came compressed; expected it plain")
        return body

    return fetch


def requests_in_round(page, args, round_number: int) -> int:
    """This round's share of the page's requests (the first rounds take the remainder)."""
    total = args.bare_requests if page.reference else args.requests
    return total // args.rounds + (1 if round_number < total % args.rounds else 0)


def measure_page(client: Client, page, url: str, count: int, sample: dict, deadline) -> None:
    for _ in range(count):
        deadline.remaining()
        response, body, elapsed_ms = client.get(url, page.anonymous)
        check_response(page, url, response, body)
        sample["wall"].append(elapsed_ms)
        sample["cpu"].append(float(response.getheader("X-Bench-CPU-ms")))
        sample["queries"].append(int(response.getheader("X-Bench-Queries")))


def page_row(page, url: str, sample: dict, bare: dict) -> dict:
    """`bare`: the median CPU of each reference page by name."""
    cpu = statistics.median(sample["cpu"])
    bare_cpu = bare[REFERENCE]
    extra = {"weight": sample["weight"]} if "weight" in sample else {}
    if page.anonymous and not page.reference and bare.get(ANONYMOUS_REFERENCE):
        extra["cpu_ratio_anonymous"] = round(cpu / bare[ANONYMOUS_REFERENCE], 2)
    return {
        "name": page.name,
        "path": url,
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
        **extra,
    }


def check_export(export, url, response, body) -> None:
    if response.status != 200:
        raise BenchError(f"{export.name}: GET {url} answered {response.status}, expected 200")
    content_type = response.getheader("Content-Type") or ""
    if not content_type.startswith(export.content_type) or not body:
        raise BenchError(f"{export.name}: GET {url} answered {content_type!r}, empty or wrong")
    if response.getheader("X-Bench-CPU-ms") is None:
        raise BenchError(f"{export.name}: no X-Bench-* headers: is core.bench's middleware on?")


def measure_exports(client: Client, ids: dict, args, deadline: Deadline) -> list:
    """Each export: one unmeasured request (the worker's first, reported as `first_s`: it loads
    the libraries and fonts), then `args.export_requests` measured ones."""
    rows = []
    for export in EXPORTS:
        url = export.url(ids)
        response, body, first_ms = client.get(url)
        check_export(export, url, response, body)
        wall, cpu, queries = [], [], []
        for _ in range(args.export_requests):
            deadline.remaining()
            response, body, elapsed_ms = client.get(url)
            check_export(export, url, response, body)
            wall.append(elapsed_ms)
            cpu.append(float(response.getheader("X-Bench-CPU-ms")))
            queries.append(int(response.getheader("X-Bench-Queries")))
        wall_s = statistics.median(wall) / 1000
        rows.append(
            {
                "name": export.name,
                "path": url,
                "requests": len(wall),
                "wall_s": round(wall_s, 3),
                "wall_max_s": round(max(wall) / 1000, 3),
                "first_s": round(first_ms / 1000, 3),
                "cpu_ms": round(statistics.median(cpu), 1),
                "queries": int(statistics.median(queries)),
                "queries_min": min(queries),
                "queries_max": max(queries),
                "bytes": len(body),
                "target_s": export.target_seconds,
                "within_target": wall_s <= export.target_seconds,
            }
        )
    return rows
