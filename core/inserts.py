"""A new row and the rows that belong to it, stored together as one statement.

`Model.save()` and `bulk_create()` inside `transaction.atomic()` take four round trips to the
database (BEGIN, two INSERTs, COMMIT) and compile two statements. On PostgreSQL a data-modifying
`WITH` stores both in one statement, which is atomic by itself: it is what a child's answer costs
on the children's pages when a whole municipality's schools answer in the same lesson. SQLite has
no data-modifying `WITH`, so there the ORM stores them in a transaction; the result is the same.
"""

import functools
from contextlib import nullcontext

from django.db import connections, transaction

from core import prepared


def insert_with_children(parent, children, link: str, using: str = "default") -> None:
    """INSERT `parent` (unsaved; its pk is set) and `children` (unsaved instances of one model
    whose foreign key `link` points at the parent; their pks are not read back). A refused
    INSERT (an IntegrityError) stores nothing. On PostgreSQL neither `save()` nor the save
    signals run (as with `bulk_create`): for models with neither, such as the children's
    responses and answers."""
    connection = connections[using]
    children = list(children)
    if connection.vendor != "postgresql":
        _insert_in_transaction(parent, children, link, using)
        return
    sql, params = _statement(connection, parent, children, link)
    # Outside a transaction the statement is one by itself; inside one, a savepoint keeps a
    # refused INSERT from spoiling the rest of it, as `atomic()` does for the ORM.
    savepoint = transaction.atomic(using=using) if connection.in_atomic_block else nullcontext()
    with savepoint, prepared.cursor(connection) as cursor:
        cursor.execute(sql, params)
        parent.pk = cursor.fetchone()[0]
    parent._state.adding, parent._state.db = False, using


def _insert_in_transaction(parent, children, link, using):
    with transaction.atomic(using=using):
        parent.save(force_insert=True, using=using)
        for child in children:
            setattr(child, link, parent)
        if children:
            type(children[0])._default_manager.using(using).bulk_create(children)


def _statement(connection, parent, children, link):
    """The statement's SQL (compiled once per shape) and its parameters."""
    child_model = type(children[0]) if children else None
    sql = _sql(connection.alias, type(parent), child_model, link, len(children))
    params = _values(connection, parent, _fields(type(parent)))
    if children:
        child_fields = _fields(child_model, skip=link)
        for child in children:
            params += _values(connection, child, child_fields)
    return sql, params


@functools.lru_cache(maxsize=64)
def _sql(alias, parent_model, child_model, link, child_count):
    quote = connections[alias].ops.quote_name
    pk_column = quote(parent_model._meta.pk.column)
    columns = [quote(field.column) for field in _fields(parent_model)]
    sql = [
        f"WITH parent AS (INSERT INTO {quote(parent_model._meta.db_table)} ({', '.join(columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))}) RETURNING {pk_column})"
    ]
    if child_count:
        link_column = quote(child_model._meta.get_field(link).column)
        child_columns = [quote(field.column) for field in _fields(child_model, skip=link)]
        row = f"((SELECT {pk_column} FROM parent), {', '.join(['%s'] * len(child_columns))})"
        sql.append(
            f", children AS (INSERT INTO {quote(child_model._meta.db_table)} ({link_column}, "
            f"{', '.join(child_columns)}) VALUES {', '.join([row] * child_count)})"
        )
    sql.append(f" SELECT {pk_column} FROM parent")
    return "".join(sql)


@functools.cache
def _fields(model, skip=None) -> tuple:
    """The fields an INSERT of `model` writes, as Django's INSERT has them, but `skip`."""
    return tuple(
        field
        for field in model._meta.concrete_fields
        if not field.primary_key and field.name != skip and not field.generated
    )


def _values(connection, instance, fields) -> list:
    return [
        field.get_db_prep_save(field.pre_save(instance, add=True), connection) for field in fields
    ]
