"""The national scenario on two application processes (issue 25): the children's answer load
test (bench.load) against two gunicorn servers on two ports that share the PostgreSQL database
of the run and one Redis cache (REDIS_URL), as two application nodes behind a load balancer.

`bench.run --two-nodes` runs it at the largest scale, after the single-server load test. Redis is
a `redis-server` of its own on 127.0.0.1 (no persistence), started and stopped here as
scripts/two_nodes.sh does for the CI test. The clients are spread over the nodes in turn; every
double post sends its second POST to the other node (a retry a load balancer sent elsewhere), so
"nothing duplicated" holds across nodes. Reports throughput per node and combined, and the
accounting of submissions sent against responses stored.

Skipped with a message when the database is not PostgreSQL or redis-server is not installed.
"""

import asyncio
import shutil
import socket
import subprocess
import time

from bench.common import HOST, BenchError, Deadline, say
from bench.load import LOAD_RATE_LIMIT, run_clients, summarise
from bench.server import Server, free_port

REDIS_STARTUP_SECONDS = 10
# BARNRATT_BENCH_PORT + these: node A, node B and Redis (the single server uses the port itself).
NODE_OFFSETS, REDIS_OFFSET = (1, 2), 3


def skip_reason(database) -> str:
    """Why the scenario cannot run here, or "" when it can."""
    from bench.databases import PostgresDatabase

    if not isinstance(database, PostgresDatabase):
        return "DATABASE_URL is not PostgreSQL (two nodes share one PostgreSQL database)"
    if shutil.which("redis-server") is None:
        return "redis-server is not installed (Debian package redis-server)"
    return ""


class Redis:
    """A redis-server of its own on 127.0.0.1: no snapshots, no append-only file."""

    def __init__(self):
        self.port = free_port(REDIS_OFFSET)
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://{HOST}:{self.port}/0"

    def start(self, deadline: Deadline) -> None:
        command = ["redis-server", "--port", str(self.port), "--bind", HOST, "--save", ""]
        command += ["--appendonly", "no", "--logfile", ""]
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
        )
        started = time.monotonic()
        while not self.ping():
            deadline.remaining()
            if self.process.poll() is not None:
                raise BenchError(f"redis-server exited with {self.process.returncode}")
            if time.monotonic() - started > REDIS_STARTUP_SECONDS:
                raise BenchError(f"redis-server did not answer within {REDIS_STARTUP_SECONDS} s")
            time.sleep(0.1)

    def ping(self) -> bool:
        try:
            with socket.create_connection((HOST, self.port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def node_environment(env: dict, redis_url: str) -> dict:
    """Both nodes: the run's database, the shared cache, the rate limit raised as in the
    single-server load test (the test measures throughput, not the limiter)."""
    return env | {"REDIS_URL": redis_url, "BARNRATT_PARTICIPATION_RATE_LIMIT": LOAD_RATE_LIMIT}


def run(env: dict, page: str, args, deadline: Deadline) -> dict:
    """Start Redis and the two nodes, run the clients against both; always stop them again.
    Returns bench.load.run_clients's result with the nodes' ports."""
    redis, nodes = Redis(), []
    try:
        redis.start(deadline)
        node_env = node_environment(env, redis.url)
        for offset in NODE_OFFSETS:
            node = Server(node_env, args.two_nodes_workers, args.load_threads, port_offset=offset)
            nodes.append(node)
            node.start(deadline)
        ports = [node.port for node in nodes]
        say(
            f"  two nodes: gunicorn on {HOST}:{ports[0]} and :{ports[1]} "
            f"({args.two_nodes_workers} worker(s) x {args.load_threads} threads each), "
            f"Redis on :{redis.port}; {args.load_clients} clients, bare view for "
            f"{args.load_bare_seconds:g} s, then {page} for {args.load_seconds or 25:g} s"
        )
        result = asyncio.run(
            run_clients(
                ports, page, args.load_clients, args.load_bare_seconds, args.load_seconds or 25
            )
        )
    finally:
        for node in nodes:
            node.stop()
        redis.stop()
    return result | {"ports": ports}


def summarise_nodes(run_result: dict, accounting: dict, args) -> dict:
    """bench.load.summarise for both nodes together, and each node's own throughput."""
    label = (
        f"2 nodes: gunicorn gthread, {args.two_nodes_workers} worker(s) x "
        f"{args.load_threads} threads each, one PostgreSQL, one Redis"
    )
    summary = summarise(run_result, accounting, args, label)
    summary["nodes"] = [
        {
            "port": port,
            "bare_rps": round(counts["bare"] / run_result["bare_seconds"], 1),
            "thanked_per_second": round(counts["thanked"] / run_result["load_seconds"], 1),
        }
        for port, counts in run_result["per_port"].items()
    ]
    return summary


def new_keys(stored: dict, before: dict) -> dict:
    """The responses stored by this scenario: the keys stored before it (the single-server load
    test's) left out."""
    return {key: count for key, count in stored.items() if key not in before}


def print_two_nodes(result: dict) -> None:
    a = result["accounting"]
    say(f"\nTwo nodes: {result['server']}, {result['load_seconds']:g} s answering")
    for number, node in enumerate(result["nodes"], 1):
        say(
            f"  node {number} (:{node['port']}): {node['thanked_per_second']:.1f} answers/s "
            f"thanked, bare view {node['bare_rps']:.1f} requests/s"
        )
    say(
        f"  combined: {result['submissions_per_second']:.1f} submissions/s "
        f"({result['throughput_share']:.0%} of the bare view's {result['bare_rps']:.1f} "
        f"requests/s); POST p50/p95 {result['p50_ms']:.0f}/{result['p95_ms']:.0f} ms"
    )
    verdict = "ok" if a["ok"] else "MISSED"
    say(
        f"  stored {a['stored']} of {a['submissions']} thanked: {a['lost']} lost, "
        f"{a['duplicated']} duplicated, {a['unexpected']} unexpected; "
        f"{a['double_posted_stored_once']} of {a['double_posted']} double posts (second POST "
        f"on the other node) stored once: {verdict}"
    )
    if result["errors"]:
        say(f"  errors: {result['errors']}")


def two_nodes_missed(result: dict) -> list:
    a = result["accounting"]
    if a["ok"]:
        return []
    return [
        f"two nodes: {a['lost']} lost, {a['duplicated']} duplicated, {a['unexpected']} "
        f"unexpected; {a['double_posted_stored_once']} of {a['double_posted']} double posts "
        "stored once (target: none lost or duplicated)"
    ]
