"""The knowledge-bank bench generates examples the search finds, and measures every search."""

from bench import knowledge


def test_bench_generates_searchable_examples_and_measures_every_search(db, monkeypatch):
    monkeypatch.setattr(knowledge, "say", lambda message="": None)
    user_pk = knowledge.generate(300, analyse=False)
    results = {row["search"]: row for row in knowledge.measure(user_pk, repeat=1, close=False)}
    assert set(results) == {label for label, *_ in knowledge.QUERIES}
    assert results["no hit"]["hits"] == 0
    assert results["the commonest word"]["hits"] > 0
    assert (
        results["the commonest word"]["hits"] == results["the commonest word, other form"]["hits"]
    )
    assert all(row["p95"] >= row["p50"] for row in results.values())
