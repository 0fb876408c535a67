"""Changes to the knowledge bank. Views and the demo call these; each writes the example, its
search-index entry and its audit entry in one transaction."""

from django.db import transaction

from core.audit import create_object, delete_object, update_object
from core.richtext import sanitise

from .models import Example
from .search import index_example, unindex_example


def _cleaned(fields: dict) -> dict:
    if "description" in fields:
        fields["description"] = sanitise(fields["description"])
    return fields


def _tags(**lists) -> dict:
    return {name: list(values) for name, values in lists.items() if values is not None}


def create_example(organisation, *, by, articles=(), target_areas=(), **fields) -> Example:
    with transaction.atomic():
        example = create_object(
            Example,
            by=by,
            organisation=organisation,
            m2m=_tags(articles=articles, target_areas=target_areas),
            **_cleaned(fields),
        )
        index_example(example)
    return example


def update_example(example: Example, *, by, articles=None, target_areas=None, **fields) -> Example:
    m2m = _tags(articles=articles, target_areas=target_areas)
    with transaction.atomic():
        example = update_object(example, by=by, m2m=m2m, **_cleaned(fields))
        index_example(example)
    return example


def delete_example(example: Example, *, by) -> None:
    pk = example.pk
    with transaction.atomic():
        delete_object(example, by=by)
        unindex_example(pk)
