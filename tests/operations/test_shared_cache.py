"""REDIS_URL gives every process Django's Redis cache (barnratt/settings.py, decision 0033).

The settings are read in a fresh interpreter; the cache itself is tested against a real
redis-server (`.ci/run` starts one and sets REDIS_URL for this file), and skipped without it."""

import json
import os
import subprocess
import sys

import pytest
from django.core.cache.backends.redis import RedisCache

from participation import abuse

REDIS_URL = os.environ.get("REDIS_URL", "")
needs_redis = pytest.mark.skipif(
    not REDIS_URL, reason="REDIS_URL is not set: no redis-server to test against"
)


def _caches(**environment) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"} | environment
    code = "from django.conf import settings; import json; print(json.dumps(settings.CACHES))"
    script = f"import django; django.setup(); {code}"
    env["DJANGO_SETTINGS_MODULE"] = "barnratt.settings"
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def test_redis_url_configures_djangos_redis_cache_and_without_it_each_process_keeps_its_own():
    shared = _caches(REDIS_URL="redis://cache.internal:6379/2")["default"]
    assert shared["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert shared["LOCATION"] == "redis://cache.internal:6379/2"
    alone = _caches()["default"]
    assert alone["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


@pytest.fixture
def two_nodes(settings):
    """Two clients of one redis-server, as two application processes have."""
    settings.PARTICIPATION_RATE_LIMIT = (3, 600)
    prefix = f"test-{os.getpid()}"
    nodes = [RedisCache(REDIS_URL, {"KEY_PREFIX": prefix}) for _ in range(2)]
    nodes[0].clear()
    yield nodes
    nodes[0].clear()


@needs_redis
def test_the_childrens_rate_limit_counts_across_processes(two_nodes, monkeypatch):
    verdicts = []
    for number in range(6):
        monkeypatch.setattr(abuse, "cache", two_nodes[number % 2])
        verdicts.append(abuse.over_limit("an-address"))
    # Three answers counted in all, whichever process took them; the rest are held.
    assert verdicts == [False, False, False, True, True, True]


@needs_redis
def test_what_one_process_caches_the_other_reads_and_a_deletion_reaches_both(two_nodes):
    first, second = two_nodes
    first.set("results", {"answers": 12}, 60)
    assert second.get("results") == {"answers": 12}
    second.delete("results")
    assert first.get("results") is None
