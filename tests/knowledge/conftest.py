import pytest

from knowledge import services


def add_example(organisation, *, by=None, articles=(), target_areas=(), **fields):
    values = {
        "title": "Exempel",
        "year": 2024,
        "description": "<p>Beskrivning.</p>",
        "visibility": "public",
    } | fields
    return services.create_example(
        organisation, by=by, articles=articles, target_areas=target_areas, **values
    )


@pytest.fixture
def children_example(karlskoga, coordinator):
    return add_example(
        karlskoga,
        by=coordinator,
        title="Barn berättar om sin skolväg",
        description="<p>Eleverna ritade kartor över vägen till skolan.</p>",
        success_factors=["understand_conditions"],
    )


@pytest.fixture
def budget_example(karlskoga, coordinator):
    from convention.models import Article

    return add_example(
        karlskoga,
        by=coordinator,
        title="Redovisning per nämnd",
        description="<p>Varje nämnd visar hur stor del av budget som når unga.</p>",
        success_factors=["budget"],
        articles=[Article.objects.get(number=4)],
    )


@pytest.fixture
def unrelated_example(karlskoga, coordinator):
    return add_example(
        karlskoga,
        by=coordinator,
        title="Cykelvägar i centrum",
        description="<p>Nya cykelbanor längs älven.</p>",
    )
