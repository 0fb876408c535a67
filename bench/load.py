"""The load test: "a whole municipality's schools answering in the same lesson".

LOAD_CLIENTS clients (one asyncio task each, raw HTTP/1.1 over one keep-alive connection, its
own User-Agent as a device of its own, its own cookies) against gunicorn on 127.0.0.1 with
several workers and threads. First, for --bare-seconds, every client requests the bare view
(`/bench/bare/`, anonymous) as fast as it can: the server's requests per second with nothing to
do. Then, for --load-seconds, every client repeatedly GETs the children's page of the fixed
consultation, reads the CSRF token and the submission key, POSTs made-up answers and expects a
302 to the thank-you page. Every eighth client posts the same form twice every fifth time.
Afterwards the responses stored are counted (`python -m bench.load --stored <pk>`) against the
submissions sent (bench.submissions.account).

The rate limit is raised in the server's environment (LOAD_RATE_LIMIT): the test measures
throughput, not the limiter. PostgreSQL only; bench.run skips it on SQLite.

    python -m bench.load --stored 19   # in the bench database's environment: stored keys
"""

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from collections import Counter

from bench.common import HOST, setup_django
from bench.measure import percentile
from bench.submissions import answers, form_body, form_fields, tokens

LOAD_CLIENTS = 64
# gunicorn gthread: a worker per core and 4 threads each, with --reuse-port (bench.server);
# measured against 2 x 2, 2 x 3, 2 x 6, 2 x 8, 3 x 4 and 4 x 3 (docs/performance-history.md).
LOAD_WORKERS, LOAD_THREADS = 2, 4
LOAD_RATE_LIMIT = "1000000"  # BARNRATT_PARTICIPATION_RATE_LIMIT for the load test's server
DOUBLE_POST_EVERY_CLIENT, DOUBLE_POST_EVERY_ROUND = 8, 5
REQUEST_TIMEOUT = 30
# Targets.
MIN_THROUGHPUT_SHARE = 0.10  # submissions per second at least this share of the bare view's rps
MAX_P95_MS = 200.0  # POST p95 (issue 26)


class Connection:
    """One keep-alive HTTP/1.1 connection with its own User-Agent and cookies."""

    def __init__(self, port: int, agent: str):
        self.port, self.agent = port, agent
        self.reader = self.writer = None
        self.cookies = {}
        self.opened = 0
        # Two nodes (bench.two_nodes): the same client's connection to the other node, sharing
        # its cookies, where every double post sends its second POST (a retry that a load
        # balancer sent elsewhere); and what this connection got answered, per node.
        self.twin = None
        self.bare = self.thanked = 0

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        self.opened += 1

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None

    async def request(self, method: str, path: str, body: bytes = b""):
        """(status, headers as (lower-case name, value) pairs, body, milliseconds)."""
        for attempt in (1, 2):
            reused = self.writer is not None
            if not reused:
                await self.open()
            try:
                started = time.perf_counter()
                self.writer.write(self._head(method, path, body) + body)
                status, headers, data = await asyncio.wait_for(self._read(), REQUEST_TIMEOUT)
                return status, headers, data, (time.perf_counter() - started) * 1000
            except TimeoutError:
                self.close()
                raise
            except (ConnectionError, asyncio.IncompleteReadError):
                self.close()
                if attempt == 2 or not reused:
                    raise
        raise AssertionError("unreachable")

    def _head(self, method: str, path: str, body: bytes) -> bytes:
        lines = [
            f"{method} {path} HTTP/1.1",
            f"Host: {HOST}:{self.port}",
            f"User-Agent: {self.agent}",
            "Accept: text/html",
        ]
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if method == "POST":
            lines += ["Content-Type: application/x-www-form-urlencoded"]
            lines += [f"Content-Length: {len(body)}"]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    async def _read(self):
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionResetError("the server closed the connection")
        status = int(status_line.split()[1])
        headers = []
        while (line := await self.reader.readline()) not in (b"\r\n", b"\n", b""):
            name, _sep, value = line.decode("latin-1").partition(":")
            headers.append((name.strip().lower(), value.strip()))
        fields = dict(headers)
        if "content-length" in fields:
            data = await self.reader.readexactly(int(fields["content-length"]))
        elif fields.get("transfer-encoding", "").lower() == "chunked":
            data = await self._chunks()
        else:
            data = await self.reader.read()
            self.close()
        for name, value in headers:
            if name == "set-cookie":
                cookie, _sep, _rest = value.partition(";")
                key, _sep, cookie_value = cookie.partition("=")
                self.cookies[key.strip()] = cookie_value.strip()
        if fields.get("connection", "").lower() == "close":
            self.close()
        return status, headers, data

    async def _chunks(self) -> bytes:
        parts = []
        while size := int((await self.reader.readline()).split(b";")[0], 16):
            parts.append(await self.reader.readexactly(size))
            await self.reader.readline()
        while (await self.reader.readline()) not in (b"\r\n", b"\n", b""):
            pass  # trailers
        return b"".join(parts)


class Tally:
    """What every client saw, for the report and the accounting."""

    def __init__(self):
        self.bare = 0
        self.latencies = []  # ms of the first POST of each form
        self.posts = []  # (submission key, thanked), second POSTs included
        self.double_posted = set()
        self.errors = Counter()  # "GET 500", "POST 403", "POST timeout", ...


async def bare_client(connection: Connection, end: float, tally: Tally) -> None:
    while time.monotonic() < end:
        try:
            status, _headers, _body, _ms = await connection.request("GET", "/bench/bare/")
        except (OSError, TimeoutError, asyncio.IncompleteReadError) as error:
            tally.errors[f"bare {type(error).__name__}"] += 1
            continue
        if status == 200:
            tally.bare += 1
            connection.bare += 1
        else:
            tally.errors[f"bare {status}"] += 1


async def answering_client(connection, number: int, page: str, end: float, tally: Tally):
    rng = random.Random(number)
    thanks = f"{page}tack/"
    fields, rounds = None, 0
    while time.monotonic() < end:
        rounds += 1
        try:
            status, _headers, body, _ms = await connection.request("GET", page)
            if status != 200:
                tally.errors[f"GET {status}"] += 1
                continue
            html = body.decode("utf-8", "replace")
            fields = fields or form_fields(html)
            csrf, key = tokens(html)
            data = form_body(answers(fields, rng), csrf, key)
            twice = number % DOUBLE_POST_EVERY_CLIENT == 0 and rounds % DOUBLE_POST_EVERY_ROUND == 0
            for attempt in (1, 2) if twice else (1,):
                node = connection.twin if attempt == 2 and connection.twin else connection
                status, headers, _body, ms = await node.request("POST", page, data)
                thanked = status == 302 and dict(headers).get("location", "").endswith(thanks)
                tally.posts.append((key, thanked))
                node.thanked += thanked
                if attempt == 1:
                    tally.latencies.append(ms)
                if not thanked:
                    tally.errors[f"POST {status}"] += 1
            if twice:
                tally.double_posted.add(key)
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError) as error:
            tally.errors[f"{type(error).__name__}"] += 1


def connect(ports: list, clients: int) -> list:
    """One connection per client, spread over `ports` in turn; with more than one port each
    also gets a twin on the next port that shares its cookies."""
    connections = []
    for n in range(clients):
        agent = f"Mozilla/5.0 (Barnratt bench; elevplatta {n:02d}) Safari/605.1"
        connection = Connection(ports[n % len(ports)], agent)
        if len(ports) > 1:
            connection.twin = Connection(ports[(n + 1) % len(ports)], agent)
            connection.twin.cookies = connection.cookies
        connections.append(connection)
    return connections


async def run_clients(port, page: str, clients: int, bare_s: float, load_s: float) -> dict:
    """`port`: one port, or a list of ports (nodes) the clients are spread over."""
    ports = list(port) if isinstance(port, list | tuple) else [port]
    connections = connect(ports, clients)
    tally = Tally()
    # Warm-up (not counted): every connection opened, every worker's first requests made.
    await asyncio.gather(*(bare_client(c, time.monotonic() + 1, Tally()) for c in connections))
    for connection in connections:
        connection.bare = 0
    started, cpu = time.monotonic(), time.process_time()
    await asyncio.gather(*(bare_client(c, started + bare_s, tally) for c in connections))
    bare_seconds = time.monotonic() - started
    bare_client_cpu = (time.process_time() - cpu) / bare_seconds
    started, cpu = time.monotonic(), time.process_time()
    await asyncio.gather(
        *(answering_client(c, n, page, started + load_s, tally) for n, c in enumerate(connections))
    )
    load_seconds = time.monotonic() - started
    load_client_cpu = (time.process_time() - cpu) / load_seconds
    every = connections + [c.twin for c in connections if c.twin]
    for connection in every:
        connection.close()
    return {
        "tally": tally,
        "bare_seconds": round(bare_seconds, 2),
        "load_seconds": round(load_seconds, 2),
        "connections_opened": sum(c.opened for c in every),
        # The client's own CPU, in cores (of the 2 it shares with the server and PostgreSQL).
        "client_cpu_cores": {"bare": round(bare_client_cpu, 2), "load": round(load_client_cpu, 2)},
        # Per port: bare views and thanked POSTs (second posts of double posts included).
        "per_port": {
            p: {
                "bare": sum(c.bare for c in every if c.port == p),
                "thanked": sum(c.thanked for c in every if c.port == p),
            }
            for p in ports
        },
    }


def summarise(run: dict, accounting: dict, args, server: str) -> dict:
    tally = run["tally"]
    bare_rps = tally.bare / run["bare_seconds"]
    per_second = accounting["submissions"] / run["load_seconds"]
    latencies = tally.latencies or [0.0]
    share = per_second / bare_rps if bare_rps else 0.0
    return {
        "clients": args.load_clients,
        "server": server,
        "bare_seconds": run["bare_seconds"],
        "load_seconds": run["load_seconds"],
        "bare_requests": tally.bare,
        "bare_rps": round(bare_rps, 1),
        "submissions_per_second": round(per_second, 1),
        "throughput_share": round(share, 3),
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(percentile(latencies, 95), 1),
        "p99_ms": round(percentile(latencies, 99), 1),
        "errors": dict(tally.errors),
        "connections_opened": run["connections_opened"],
        "client_cpu_cores": run["client_cpu_cores"],
        "accounting": accounting,
        "targets": {
            "no_lost_or_duplicated": accounting["ok"],
            "throughput": share >= MIN_THROUGHPUT_SHARE,
            "p95": percentile(latencies, 95) < MAX_P95_MS,
        },
    }


def load_missed(load: dict) -> list:
    a, missed = load["accounting"], []
    if not load["targets"]["no_lost_or_duplicated"]:
        missed.append(
            f"load test: {a['lost']} lost, {a['duplicated']} duplicated, {a['unexpected']} "
            f"unexpected; {a['double_posted_stored_once']} of {a['double_posted']} double posts "
            "stored once (target: none lost or duplicated)"
        )
    if not load["targets"]["throughput"]:
        missed.append(
            f"load test: {load['submissions_per_second']:.1f} submissions/s is "
            f"{load['throughput_share']:.0%} of the bare view's {load['bare_rps']:.0f} requests/s "
            f"(target at least {MIN_THROUGHPUT_SHARE:.0%})"
        )
    if not load["targets"]["p95"]:
        missed.append(
            f"load test: p95 submission latency {load['p95_ms']:.0f} ms "
            f"(target under {MAX_P95_MS:.0f} ms)"
        )
    return missed


def stored_keys(consultation_pk: int) -> dict:
    """submission key -> responses stored with it, for the consultation, the bench's own left
    out (bench.participation.KEY_PREFIX)."""
    from django.db.models import Count

    from bench.participation import KEY_PREFIX
    from participation.models import Response

    rows = (
        Response.objects.filter(consultation_id=consultation_pk)
        .exclude(submission_key__startswith=KEY_PREFIX)
        .values("submission_key")
        .annotate(n=Count("id"))
        .values_list("submission_key", "n")
    )
    return dict(rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Stored responses of the load test.")
    parser.add_argument("--stored", type=int, required=True, help="the consultation's pk")
    args = parser.parse_args(argv)
    setup_django()
    print(json.dumps(stored_keys(args.stored)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
