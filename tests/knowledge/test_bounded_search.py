"""Many matches (decision 0017): only the newest RANKED matches are ranked, the count stops just
past RANKED and the list says "more than"; fewer matches are all ranked. RANKED and SQLite's
RANKED_ALL are made small here so that a handful of examples exercises both paths."""

import pytest
from django.urls import reverse

from knowledge import search as search_module
from knowledge.models import Example
from knowledge.search import search

from .conftest import add_example

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_limits(monkeypatch):
    monkeypatch.setattr(search_module, "RANKED", 3)
    monkeypatch.setattr(search_module, "RANKED_ALL", 2)
    monkeypatch.setattr("knowledge.views.RANKED", 3)


@pytest.fixture
def park_examples(karlskoga, coordinator):
    # The oldest has the word in its title (the best match of all); the newer ones in the body.
    made = [add_example(karlskoga, by=coordinator, title="Parken", description="En plats.")]
    for n in range(4):
        made.append(
            add_example(karlskoga, by=coordinator, title=f"Exempel {n}", description="Parken.")
        )
    return made


def test_only_the_newest_matches_are_ranked(small_limits, park_examples):
    found = [example.pk for example in search(Example.objects.all(), "parkerna")]
    assert sorted(found) == sorted(e.pk for e in park_examples[-3:])


def test_fewer_matches_are_all_ranked_best_first(park_examples):
    found = [example.title for example in search(Example.objects.all(), "parkerna")]
    assert len(found) == 5
    assert found[0] == "Parken"


def test_the_list_says_more_than(small_limits, park_examples, coordinator_client):
    page = coordinator_client.get(reverse("knowledge:example_list"), {"q": "parken"})
    text = page.content.decode()
    assert "Fler än 3 exempel" in text
    assert text.count('<li>\n    <h3><a href="/examples/') == 3
