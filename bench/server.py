"""gunicorn for one scale: 1 worker, 1 thread, on a free port of 127.0.0.1; always stopped.
The load test (bench.load) starts its own with more workers and threads."""

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from bench.common import HOST, PYTHON, ROOT, BenchError, Deadline

STARTUP_TIMEOUT = 60


def free_port(offset: int = 0) -> int:
    """BARNRATT_BENCH_PORT (+ `offset`, for a second server or Redis) if set (a shared machine's
    own range), else any free port."""
    if os.environ.get("BARNRATT_BENCH_PORT"):
        return int(os.environ["BARNRATT_BENCH_PORT"]) + offset
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def gunicorn_command(port: int, workers: int = 1, threads: int = 1) -> list:
    script = Path(PYTHON).parent / "gunicorn"
    command = [str(script)] if script.exists() else [PYTHON, "-m", "gunicorn"]
    # gthread with one thread serves one request at a time like the sync worker, but keeps
    # the connection alive, so the client measures requests and not TCP handshakes.
    # --reuse-port: a listening socket per worker, so the kernel spreads connections evenly;
    # with one shared socket one worker took 54 of the load test's 64 (docs/performance-history.md).
    return [
        *command,
        "barnratt.wsgi",
        "--config",
        "python:bench.gunicorn_config",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--worker-class",
        "gthread",
        "--reuse-port",
        "--keep-alive",
        "10",
        "--timeout",
        "60",
        "--log-level",
        "warning",
    ]


class Server:
    def __init__(self, env: dict, workers: int = 1, threads: int = 1, port_offset: int = 0):
        self.env, self.workers, self.threads = env, workers, threads
        self.port_offset = port_offset
        self.port = None
        self.process = None
        # Closed in stop(); gunicorn writes its own log here, shown when something fails.
        self.log = tempfile.TemporaryFile(mode="w+", prefix="bench-gunicorn-")  # noqa: SIM115

    def start(self, deadline: Deadline) -> None:
        self.port = free_port(self.port_offset)
        self.process = subprocess.Popen(
            gunicorn_command(self.port, self.workers, self.threads),
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self._wait_until_ready(deadline)

    def _wait_until_ready(self, deadline: Deadline) -> None:
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
            status = self._probe()
            if status is None:
                time.sleep(0.2)
                continue
            if status != 200:
                raise BenchError(
                    f"/bench/bare/ answered {status}: is BARNRATT_BENCHMARK=1 in effect?"
                )
            return

    def _probe(self):
        """The status of /bench/bare/, or None while gunicorn does not accept connections."""
        try:
            connection = http.client.HTTPConnection(HOST, self.port, timeout=5)
            connection.request("GET", "/bench/bare/")
            status = connection.getresponse().status
            connection.close()
        except OSError:
            return None
        return status

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
