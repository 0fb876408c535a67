"""The two-node load scenario (bench.two_nodes): it skips cleanly where it cannot run, spreads
the clients over both nodes, sends every double post's second POST to the other node, and
counts per node and together."""

import asyncio
import shutil
import time
from types import SimpleNamespace

import pytest

from bench import two_nodes
from bench.common import Deadline
from bench.databases import PostgresDatabase, SqliteDatabase
from bench.load import DOUBLE_POST_EVERY_CLIENT, Tally, answering_client, connect
from bench.run import largest_scale_loads
from bench.submissions import account

PAGE = "/b/BENCHK/"


def test_it_skips_without_postgresql_or_without_redis_server(monkeypatch):
    postgres = PostgresDatabase("postgres://bench@127.0.0.1/barnratt")
    assert "not PostgreSQL" in two_nodes.skip_reason(SqliteDatabase())
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert "redis-server" in two_nodes.skip_reason(postgres)
    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")
    assert two_nodes.skip_reason(postgres) == ""


def test_on_sqlite_the_largest_scale_reports_the_skip_and_starts_nothing(capsys):
    args = SimpleNamespace(load_seconds=25, two_nodes=True)
    result = largest_scale_loads({}, SqliteDatabase(), {}, args, Deadline(60))
    assert result == {"two_nodes": {"skipped": two_nodes.skip_reason(SqliteDatabase())}}
    out = capsys.readouterr().out
    assert "load test: skipped" in out and "two nodes: skipped: DATABASE_URL" in out


def test_clients_take_the_nodes_in_turn_and_each_has_a_twin_on_the_other():
    connections = connect([8101, 8102], 4)
    assert [c.port for c in connections] == [8101, 8102, 8101, 8102]
    assert [c.twin.port for c in connections] == [8102, 8101, 8102, 8101]
    assert all(c.twin.cookies is c.cookies for c in connections)
    assert all(c.twin is None for c in connect([8101], 2))


class FakeNode:
    """Answers the children's page with a new submission key each time and thanks every POST."""

    keys = 0

    def __init__(self, port):
        self.port, self.cookies, self.twin = port, {}, None
        self.thanked = self.bare = self.opened = 0
        self.posted = []

    async def request(self, method, path, body=b""):
        if method == "GET":
            FakeNode.keys += 1
            html = (
                '<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="c">'
                f'<input type="hidden" name="submission_key" value="key-{FakeNode.keys}">'
                '<input type="radio" name="q1" value="ja"></form>'
            )
            return 200, [], html.encode(), 1.0
        key = next(part for part in body.decode().split("&") if part.startswith("submission_key"))
        self.posted.append(key.split("=", 1)[1])
        return 302, [("location", f"{PAGE}tack/")], b"", 1.0


def test_a_double_post_sends_its_second_post_to_the_other_node():
    node, other = FakeNode(8101), FakeNode(8102)
    node.twin = other
    tally = Tally()
    asyncio.run(
        answering_client(node, DOUBLE_POST_EVERY_CLIENT, PAGE, time.monotonic() + 0.3, tally)
    )
    assert tally.double_posted, "the client double-posts every fifth round"
    assert set(other.posted) == tally.double_posted
    assert set(other.posted) <= set(node.posted)
    assert node.thanked == len(node.posted) and other.thanked == len(other.posted)


def test_counts_per_node_and_together_leave_out_the_earlier_load_tests_responses():
    before = {"earlier-1": 1}
    stored = two_nodes.new_keys({"earlier-1": 1, "a": 1, "b": 1, "c": 2}, before)
    assert stored == {"a": 1, "b": 1, "c": 2}
    posts = [("a", True), ("b", True), ("c", True), ("c", True)]
    accounting = account(posts, stored, {"c"})
    assert not accounting["ok"] and accounting["duplicated"] == 1

    run = {
        "tally": SimpleNamespace(bare=300, latencies=[10.0, 20.0], errors={}),
        "bare_seconds": 10.0,
        "load_seconds": 2.0,
        "connections_opened": 8,
        "client_cpu_cores": {"bare": 0.5, "load": 0.5},
        "per_port": {8101: {"bare": 200, "thanked": 3}, 8102: {"bare": 100, "thanked": 1}},
    }
    args = SimpleNamespace(load_clients=4, two_nodes_workers=1, load_threads=4)
    summary = two_nodes.summarise_nodes(run, account(posts[:3], stored | {"c": 1}, set()), args)
    assert summary["nodes"] == [
        {"port": 8101, "bare_rps": 20.0, "thanked_per_second": 1.5},
        {"port": 8102, "bare_rps": 10.0, "thanked_per_second": 0.5},
    ]
    assert summary["submissions_per_second"] == 1.5 and summary["bare_rps"] == 30.0
    assert two_nodes.two_nodes_missed(summary) == []


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server not installed")
def test_its_own_redis_server_starts_answers_and_stops(monkeypatch):
    monkeypatch.delenv("BARNRATT_BENCH_PORT", raising=False)
    redis = two_nodes.Redis()
    try:
        redis.start(Deadline(30))
        assert redis.ping()
        assert redis.url == f"redis://127.0.0.1:{redis.port}/0"
    finally:
        redis.stop()
    assert not redis.ping()
