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


def create_example(organisation, *, by, articles=(), **fields) -> Example:
    with transaction.atomic():
        example = create_object(
            Example,
            by=by,
            organisation=organisation,
            m2m={"articles": articles},
            **_cleaned(fields),
        )
        index_example(example)
    return example


def update_example(example: Example, *, by, articles=None, **fields) -> Example:
    m2m = {"articles": articles} if articles is not None else None
    with transaction.atomic():
        example = update_object(example, by=by, m2m=m2m, **_cleaned(fields))
        index_example(example)
    return example


def delete_example(example: Example, *, by) -> None:
    pk = example.pk
    with transaction.atomic():
        delete_object(example, by=by)
        unindex_example(pk)
