"""A new row and the rows that belong to it, stored together as one statement.

`Model.save()` and `bulk_create()` inside `transaction.atomic()` take four round trips to the
database (BEGIN, two INSERTs, COMMIT) and compile two statements. On PostgreSQL a data-modifying
`WITH` stores both in one statement, which is atomic by itself: it is what a child's answer costs
on the children's pages when a whole municipality's schools answer in the same lesson. SQLite has
no data-modifying `WITH`, so there the ORM stores them in a transaction; the result is the same.
"""

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
    quote = connection.ops.quote_name
    columns, values = _row(connection, parent)
    pk_column = quote(parent._meta.pk.column)
    sql = [
        f"WITH parent AS (INSERT INTO {quote(parent._meta.db_table)} ({', '.join(columns)}) "
        f"VALUES ({', '.join(['%s'] * len(values))}) RETURNING {pk_column})"
    ]
    params = list(values)
    if children:
        link_field = children[0]._meta.get_field(link)
        rows, child_columns = [], None
        for child in children:
            child_columns, child_values = _row(connection, child, skip=link_field)
            slots = ", ".join(["%s"] * len(child_values))
            rows.append(f"((SELECT {pk_column} FROM parent), {slots})")
            params += child_values
        table = quote(children[0]._meta.db_table)
        sql.append(
            f", children AS (INSERT INTO {table} ({quote(link_field.column)}, "
            f"{', '.join(child_columns)}) VALUES {', '.join(rows)})"
        )
    sql.append(f" SELECT {pk_column} FROM parent")
    return "".join(sql), params


def _row(connection, instance, skip=None):
    """The columns and database values of an unsaved instance, as Django's INSERT has them."""
    fields = [
        field
        for field in instance._meta.concrete_fields
        if not field.primary_key and field is not skip and not field.generated
    ]
    quote = connection.ops.quote_name
    columns = [quote(field.column) for field in fields]
    values = [
        field.get_db_prep_save(field.pre_save(instance, add=True), connection) for field in fields
    ]
    return columns, values
